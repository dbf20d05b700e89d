"""Account deletion: the reader's personal data goes; their comments stay, unattributed.
And logging out of the admin, which ends the session on the server."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.account import LogoutView


class DeleteAccountForm(forms.Form):
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput)

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password


@login_required
def delete_account(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        with transaction.atomic():
            logout(request)
            # Email addresses, sessions, tokens and reports go with the user;
            # comments keep their words and show as from a deleted account.
            user.delete()
        messages.success(request, _("Your account and personal data have been deleted."))
        return redirect("/")
    return TemplateResponse(request, "accounts/delete_account.html", {"form": form})


class AdminLogoutView(LogoutView):
    """Wagtail's admin logout, ending the session whatever the method.

    Django's LogoutView logs out only on POST and answers a GET with 405, but
    Wagtail's subclass deletes the browser's cookie whatever the answer: after a
    GET the browser forgot the session while the server kept it, and any copy
    of the cookie stayed signed in. So a GET logs out as a POST does; at worst
    a forged link signs someone out.
    """

    http_method_names = ["get", "post", "options"]

    def get(self, request, *args, **kwargs):
        return self.post(request, *args, **kwargs)
