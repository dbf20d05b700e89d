from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "dateline.accounts"
    label = "accounts"
    verbose_name = "Accounts"
    default = True  # this module holds two configurations

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app (in INSTALLED_APPS in its place), with user screens
    that apply Dateline's username rule (`admin_users.py`)."""

    default = False
    user_viewset = "dateline.accounts.admin_users.UserViewSet"
