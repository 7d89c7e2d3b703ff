from django.urls import path

from . import views

app_name = "tips"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("send/", views.send, name="send"),
    path("confirm/", views.confirm, name="confirm"),
    path("return/", views.return_visit, name="return"),
]
