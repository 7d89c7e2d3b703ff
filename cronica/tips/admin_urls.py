from django.urls import path

from . import inbox

app_name = "tips_inbox"
urlpatterns = [
    path("", inbox.index, name="index"),
    path("source/<int:pk>/", inbox.source, name="source"),
    path("source/<int:pk>/reply/", inbox.reply, name="reply"),
    path("submission/<int:pk>/flag/", inbox.flag, name="flag"),
    path("submission/<int:pk>/delete/", inbox.delete, name="delete"),
    path("submission/<int:pk>/manifest/", inbox.download_manifest, name="manifest"),
    path("submission/<int:pk>/all/", inbox.download_all, name="all"),
    path("file/<int:pk>/", inbox.download_file, name="file"),
]
