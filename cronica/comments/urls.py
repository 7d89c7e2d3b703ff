from django.urls import path

from . import views

app_name = "comments"
urlpatterns = [
    path("post/<int:article_id>/", views.post_comment, name="post"),
    path("<int:pk>/", views.comment_status, name="status"),
    path("<int:pk>/edit/", views.edit_comment, name="edit"),
    path("<int:pk>/delete/", views.delete_comment, name="delete"),
    path("<int:pk>/reply/", views.reply_form, name="reply"),
    path("<int:pk>/report/", views.report_comment, name="report"),
]
