from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "dateline.articles"
    label = "articles"
    verbose_name = "Articles"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
