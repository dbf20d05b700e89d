"""Account deletion: the reader's personal data goes; their comments stay, unattributed.
Logging out of the admin, which ends the session on the server. And the admin's
API tokens screen (Account → API tokens): the tokens the viewer may see and
revoke (`tokens.tokens_managed_by`), never their secrets."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.account import LogoutView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import actions
from .editions import way_back
from .tokens import managed_token, token_expiry, tokens_managed_by, unexpired


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
            # Email addresses, sessions and tokens go with the user; comments
            # keep their words and show as from a deleted account, and reports
            # stay for the moderators, from no one.
            user.delete()
        messages.success(request, gettext("Your account and personal data have been deleted."))
        return redirect(way_back(request) or "/")
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


class TokenScreen(WagtailAdminTemplateMixin):
    """What the API token screens share: their title, icon and way back."""

    page_title = _("API tokens")
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("accounts_tokens"), "label": self.page_title},
            *([{"url": "", "label": self.page_subtitle}] if self.page_subtitle else []),
        ]


class TokensView(TokenScreen, TemplateView):
    """The tokens still within their lifetime, newest first; revoked ones say so."""

    template_name = "accounts/admin/tokens.html"
    per_page = 50

    def get_context_data(self, **kwargs):
        tokens = unexpired(tokens_managed_by(self.request.user)).order_by("-created", "-pk")
        page = Paginator(tokens, self.per_page).get_page(self.request.GET.get("p"))
        return super().get_context_data(
            page=page,
            elided_page_range=page.paginator.get_elided_page_range(page.number),
            rows=[(token, token_expiry(token)) for token in page],
            **kwargs,
        )


class RevokeTokenView(TokenScreen, TemplateView):
    """Asks before revoking (GET), then revokes (POST)."""

    page_subtitle = _("Revoke a token")
    template_name = "accounts/admin/revoke_token.html"

    def dispatch(self, request, token_id: int):
        self.token = managed_token(request.user, token_id)
        return super().dispatch(request)

    def post(self, request):
        if self.token.revoked_at is None:
            actions.do_revoke_token(self.token, request.user)
        messages.success(
            request,
            gettext("The token “%(name)s” of %(owner)s is revoked.")
            % {"name": self.token.name, "owner": self.token.user.get_username()},
        )
        return redirect("accounts_tokens")

    def get_context_data(self, **kwargs):
        return super().get_context_data(token=self.token, **kwargs)
