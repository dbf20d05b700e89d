from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "dateline.archive"
    label = "archive"
    verbose_name = _("Archive imports")
    default_auto_field = "django.db.models.BigAutoField"
