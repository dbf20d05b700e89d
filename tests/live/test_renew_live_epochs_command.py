"""`dateline renew_live_epochs`, run after restoring the database from a backup."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command

from dateline.live.models import LiveState

from ..factories import LiveBlogPageFactory


def test_renew_live_epochs_gives_every_blog_a_new_epoch(newsroom):
    blogs = [LiveBlogPageFactory(parent=newsroom[slug]) for slug in ("cl", "mx")]
    before = {state.blog_id: state.epoch for state in LiveState.objects.all()}
    call_command("renew_live_epochs", stdout=StringIO())
    after = {state.blog_id: state.epoch for state in LiveState.objects.all()}
    assert all(after[blog.pk] != before[blog.pk] for blog in blogs)


def test_renew_live_epochs_says_how_many_blogs_it_renewed(newsroom):
    LiveBlogPageFactory(parent=newsroom["cl"])
    out = StringIO()
    call_command("renew_live_epochs", stdout=out)
    assert out.getvalue() == "Gave 1 live blog(s) a new epoch.\n"
