from django.urls import path, register_converter

from cronica.core.converters import DatabaseIdConverter

from . import views

register_converter(DatabaseIdConverter, "id")

app_name = "comments"
urlpatterns = [
    path("post/<id:article_id>/", views.post_comment, name="post"),
    path("<id:pk>/", views.comment_status, name="status"),
    path("<id:pk>/edit/", views.edit_comment, name="edit"),
    path("<id:pk>/delete/", views.delete_comment, name="delete"),
    path("<id:pk>/reply/", views.reply_form, name="reply"),
    path("<id:pk>/report/", views.report_comment, name="report"),
]
