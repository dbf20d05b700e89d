from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "dateline.live"
    label = "live"
    verbose_name = "Live coverage"

    def ready(self) -> None:
        from . import signal_handlers

        signal_handlers.connect()
