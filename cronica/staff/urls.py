from django.urls import path

from . import views

urlpatterns = [
    path("staff/2fa/enrol/", views.enrol, name="staff_enrol"),
    path("staff/2fa/verify/", views.verify, name="staff_verify"),
    path("staff/2fa/recovery-codes/", views.recovery_codes, name="staff_recovery_codes"),
]
