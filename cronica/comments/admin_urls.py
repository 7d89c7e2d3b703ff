from django.urls import path

from . import admin_views

app_name = "comments_admin"
urlpatterns = [
    path("", admin_views.queue, name="queue"),
    path("decide/", admin_views.decide, name="decide"),
    path("reader/<int:pk>/", admin_views.reader, name="reader"),
]
