from django.apps import AppConfig


class EditionsConfig(AppConfig):
    name = "dateline.editions"
    label = "editions"
    verbose_name = "Editions"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
