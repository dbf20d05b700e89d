from django.apps import AppConfig


class PhotosConfig(AppConfig):
    name = "dateline.photos"
    label = "photos"
    verbose_name = "Photos"
