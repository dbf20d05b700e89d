from django.apps import AppConfig


class WireConfig(AppConfig):
    name = "dateline.wire"
    label = "wire"
    verbose_name = "Wires"

    def ready(self) -> None:
        from . import jobs

        jobs.schedule()
