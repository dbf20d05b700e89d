"""The edition page's editor form (kept apart from the models' imports)."""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminPageForm

from .curation import curation_errors

# The field each inline's rows choose, by relation.
CHOICE_FIELDS = {"top_story_slots": "story", "featured_topics": "topic"}


class EditionPageForm(WagtailAdminPageForm):
    """The edition page's editor form: refuses a front page the edition cannot show.

    The rule is `curation.curation_errors()`, shared with the actions; this
    form only puts each error on the field or the inline row that needs fixing.
    """

    def clean(self):
        cleaned_data = super().clean()
        rows = {relation: self._chosen_rows(relation) for relation in CHOICE_FIELDS}
        if any(value is None for value in rows.values()):
            return cleaned_data  # an inline has its own errors to fix first
        errors = curation_errors(
            self.instance,
            cleaned_data.get("lead_story"),
            [form.cleaned_data["story"] for form in rows["top_story_slots"]],
            [form.cleaned_data["topic"] for form in rows["featured_topics"]],
        )
        for error in errors:
            if error.position is None:
                self.add_error(error.field, error.message)
            else:
                form = rows[error.field][error.position]
                form.add_error(CHOICE_FIELDS[error.field], error.message)
        return cleaned_data

    def _chosen_rows(self, relation: str) -> list | None:
        """The inline's rows that choose something, in the order the editor gave
        them (deleted and empty rows left out), or None while it is invalid."""
        formset = self.formsets[relation]
        if not formset.is_valid():
            return None
        field = CHOICE_FIELDS[relation]
        return [form for form in formset.ordered_forms if form.cleaned_data.get(field)]
