from django.urls import path

from . import api, views

app_name = "dossier"
urlpatterns = [
    path("", views.index, name="index"),
    path("seizures/", views.seizures, name="seizures"),
    path("seizures.csv", views.seizures_csv, name="seizures_csv"),
    path("seizures.json", api.seizures, name="seizures_json"),
    path("api/", api.root, name="api"),
    path("api/entities/", api.entities, name="api_entities"),
    path("api/entities/<slug:slug>/", api.entity, name="api_entity"),
    path("api/seizures/", api.seizures, name="api_seizures"),
    path("<slug:slug>/", views.entity, name="entity"),
]
