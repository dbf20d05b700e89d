"""Every form a person fills in takes any text without a server error, and a refused
submission leaves nothing behind (property-based: hypothesis writes the input)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.articles.models import ArticlePage
from dateline.comments.models import Comment, CommentReport
from dateline.editions.models import EditionGroup

from .factories import ArticlePageFactory

# Text as typed, pasted or forged: NULs, invisible and direction characters, any script.
# (A form's URL encoding cannot carry a lone surrogate; the API's tests send those.)
typed = st.lists(
    st.characters() | st.sampled_from(["\x00", "\u200b", "\u202e", "\ufeff", "\r\n"]),
    max_size=80,
).map("".join)

FUZZ = settings(
    max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)


@pytest.fixture
def story(newsroom, admin):
    story = ArticlePageFactory(parent=newsroom["cl"], title="Storm cuts power")
    story.save_revision(user=admin).publish()
    return ArticlePage.objects.get(pk=story.pk)


def test_the_comment_form_takes_any_text(client, story, reader, settings):
    settings.COMMENT_RATE_PER_ACCOUNT = settings.COMMENT_RATE_PER_IP = (10_000, 60)
    client.force_login(reader)

    @FUZZ
    @given(text=typed)
    def answers(text):
        before = Comment.objects.count()
        response = client.post(f"/comments/story/{story.pk}/", {"text": text})
        assert response.status_code < 500
        if not text.strip() or "\x00" in text:
            assert Comment.objects.count() == before

    answers()


def test_the_report_form_takes_any_reason(client, story, reader, editor):
    comment = Comment.objects.create(story=story, author=editor, text="Hola.", html="<p>Hola.</p>")
    client.force_login(reader)

    @FUZZ
    @given(reason=typed)
    def answers(reason):
        before = CommentReport.objects.count()
        response = client.post(f"/comments/{comment.pk}/report/", {"reason": reason})
        assert response.status_code < 500
        if not reason.strip() or "\x00" in reason:
            assert CommentReport.objects.count() == before

    answers()


def test_the_update_form_takes_any_text(client, story, editor):
    client.force_login(editor)

    @FUZZ
    @given(text=typed)
    def answers(text):
        before = story.revisions.count()
        response = client.post(f"/admin/articles/{story.pk}/add-update/", {"text": text})
        assert response.status_code < 500
        if not text.strip() or "\x00" in text:
            assert story.revisions.count() == before

    answers()


def test_the_sign_up_form_takes_any_username(client, db):
    @FUZZ
    @given(username=typed, email=typed)
    def answers(username, email):
        before = get_user_model().objects.count()
        response = client.post(
            "/accounts/signup/",
            {
                "username": username,
                "email": email,
                "password1": "a long pass phrase 42",
                "password2": "a long pass phrase 42",
            },
        )
        assert response.status_code < 500
        if "\x00" in username + email:
            assert get_user_model().objects.count() == before

    answers()


def test_the_people_screen_takes_any_person(client, chief):
    client.force_login(chief)

    @FUZZ
    @given(person=typed, role=typed)
    def answers(person, role):
        before = EditionGroup.objects.count(), chief.groups.count()
        response = client.post(
            "/admin/people/grant/", {"person": person, "edition": "x", "role": role}
        )
        assert response.status_code < 500
        assert (EditionGroup.objects.count(), chief.groups.count()) == before

    answers()


def test_the_translations_screen_takes_any_version_and_action(client, story, editor):
    client.force_login(editor)

    @FUZZ
    @given(version=typed, action=typed)
    def answers(version, action):
        response = client.post(
            f"/admin/stories/{story.pk}/translations/", {"version": version, "action": action}
        )
        assert response.status_code < 500
        assert ArticlePage.objects.get(pk=story.pk).translation_key == story.translation_key

    answers()
