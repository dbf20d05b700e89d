"""A changed password or a deactivated account ends the account's API tokens.

Every door that changes a password or deactivates an account saves the user
(allauth's change and reset, the admin's user forms and account page, any
`set_password()` followed by `save()`), so the rule hangs on the user model's
save. The admin's bulk "Set active state" writes with an UPDATE instead and has
its hook in `wagtail_hooks.py`.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models.signals import post_save

from . import actions


def end_tokens_with_credentials(sender, instance, created, **kwargs):
    if created:
        return
    # set_password() keeps the new password here until save() has finished; the
    # hash upgrade Django makes at sign-in clears it first, so a stronger hash of
    # the same password keeps the tokens.
    if instance._password is not None:
        actions.do_revoke_tokens_of([instance.pk], actions.PASSWORD_CHANGED)
    elif not instance.is_active:
        actions.do_revoke_tokens_of([instance.pk], actions.DEACTIVATED)


def connect():
    post_save.connect(
        end_tokens_with_credentials,
        sender=get_user_model(),
        dispatch_uid="accounts.end_tokens_with_credentials",
    )
