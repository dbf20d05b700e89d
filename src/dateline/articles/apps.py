from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "dateline.articles"
    label = "articles"
    verbose_name = "Articles"

    def ready(self) -> None:
        from . import signal_handlers

        signal_handlers.connect()
        from . import clock

        clock.schedule()
