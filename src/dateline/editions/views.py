"""The People screen in the admin: who holds which role in the editions the
viewer administers, giving a role and taking one away."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from . import actions
from .access import administers, editions_administered_by
from .forms import GrantRoleForm
from .models import EditionPage, Role
from .roles import people_in


def administered_editions(user):
    """The editions the user administers; refused if there are none."""
    editions = editions_administered_by(user)
    if not editions.exists():
        raise PermissionDenied
    return editions


def administered_edition(user, edition_id: int) -> EditionPage:
    """The edition with this id, if the user administers it."""
    edition = get_object_or_404(EditionPage, pk=edition_id)
    if not administers(user, edition):
        raise PermissionDenied
    return edition


class PeopleScreen(WagtailAdminTemplateMixin):
    """What the People screens share: refused to anyone who administers no
    edition, their title, icon and way back."""

    page_title = gettext_lazy("People")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        self.editions = administered_editions(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("editions_people"), "label": self.page_title},
            *([{"url": "", "label": self.page_subtitle}] if self.page_subtitle else []),
        ]


class PeopleView(PeopleScreen, TemplateView):
    template_name = "editions/admin/people.html"

    def get_header_buttons(self):
        return [HeaderButton(_("Give a role"), reverse("editions_people_grant"), icon_name="plus")]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            sections=[(edition, people_in(edition)) for edition in self.editions], **kwargs
        )


class GrantRoleView(PeopleScreen, FormView):
    page_subtitle = gettext_lazy("Give a role")
    template_name = "editions/admin/grant_role.html"
    form_class = GrantRoleForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "editions": self.editions}

    def get_initial(self):
        return {"edition": self.request.GET.get("edition"), "role": Role.REPORTER}

    def form_valid(self, form):
        person, edition, role = (form.cleaned_data[f] for f in ("person", "edition", "role"))
        try:
            actions.check_grant_role(self.request.user, person, edition, role)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        except PermissionDenied as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(person)s now holds the %(role)s role in %(edition)s.")
            % {"person": person.get_username(), "role": Role(role).label, "edition": edition.title},
        )
        return redirect("editions_people")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse("editions_people_grant"),
            submit_button_label=_("Give the role"),
            submit_button_active_label=_("Giving the role…"),
            **kwargs,
        )


class RevokeRoleView(PeopleScreen, TemplateView):
    """Asks before taking a role away (GET), then takes it (POST)."""

    page_subtitle = gettext_lazy("Remove a role")
    template_name = "editions/admin/revoke_role.html"

    def dispatch(self, request, edition_id: int, person_id: int, role: str):
        self.edition = administered_edition(request.user, edition_id)
        self.person = get_object_or_404(get_user_model(), pk=person_id)
        self.role = Role(role)
        return super().dispatch(request)

    def post(self, request):
        try:
            actions.check_revoke_role(request.user, self.person, self.edition, self.role)
        except (PermissionDenied, ValidationError) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(
                request,
                _("%(person)s no longer holds the %(role)s role in %(edition)s.")
                % {
                    "person": self.person.get_username(),
                    "role": self.role.label,
                    "edition": self.edition.title,
                },
            )
        return redirect("editions_people")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            edition=self.edition, person=self.person, role=self.role, **kwargs
        )
