"""Every change to a live blog appends exactly one event, in the same transaction."""

from __future__ import annotations

import pytest
from django.db import transaction

from dateline.live import actions
from dateline.live.models import LiveEvent, LivePost


def events(blog) -> list[tuple[int, str, int | None]]:
    return list(LiveEvent.objects.filter(blog=blog).values_list("seq", "type", "post_id"))


def verify_action(blog, action, *expected_types):
    """Runs an action and checks the events it appended after the existing ones."""
    before = LiveEvent.objects.filter(blog=blog).count()
    result = action()
    appended = events(blog)[before:]
    assert [t for _, t, _ in appended] == list(expected_types)
    return result, appended


def test_publishing_a_post_appends_post_published(blog, reporter):
    post, appended = verify_action(
        blog,
        lambda: actions.check_publish_post(blog, reporter, "Evacuation ordered."),
        "post_published",
    )
    event = LiveEvent.objects.get(blog=blog, seq=appended[0][0])
    assert event.post_id == post.pk
    assert event.post["body"] == "<p>Evacuation ordered.</p>"
    assert f'id="post-{post.pk}"' in event.html


def test_publishing_a_key_event_appends_both_events(blog, editor):
    verify_action(
        blog,
        lambda: actions.check_publish_post(blog, editor, "Landfall.", key_event=True),
        "post_published",
        "key_event_marked",
    )


def test_editing_appends_post_edited_with_the_new_revision(blog, reporter):
    post = actions.check_publish_post(blog, reporter, "Frist draft.")
    post, appended = verify_action(
        blog, lambda: actions.check_edit_post(post, reporter, "First draft.", 1), "post_edited"
    )
    assert post.revision == 2
    assert LiveEvent.objects.get(blog=blog, seq=appended[0][0]).post["revision"] == 2


def test_deleting_appends_post_deleted_and_redacts_earlier_events(blog, reporter):
    post = actions.check_publish_post(blog, reporter, "Wrong figure: 2,000 evacuated.")
    verify_action(blog, lambda: actions.check_delete_post(post, reporter), "post_deleted")
    # Replay must not show a reader what was deleted.
    published = LiveEvent.objects.get(blog=blog, type="post_published")
    assert published.post is None and published.html == ""
    assert not LivePost.objects.filter(pk=post.pk).exists()


def test_pinning_another_post_unpins_the_first(blog, reporter, editor):
    first = actions.check_publish_post(blog, reporter, "First.")
    second = actions.check_publish_post(blog, reporter, "Second.")
    verify_action(blog, lambda: actions.check_pin_post(first, editor, True), "post_pinned")
    verify_action(
        blog, lambda: actions.check_pin_post(second, editor, True), "post_unpinned", "post_pinned"
    )
    assert list(LivePost.objects.filter(is_pinned=True)) == [second]


def test_unpinning_and_unmarking_append_their_events(blog, reporter, editor):
    post = actions.check_publish_post(blog, reporter, "News.")
    actions.check_pin_post(post, editor, True)
    verify_action(blog, lambda: actions.check_pin_post(post, editor, False), "post_unpinned")
    verify_action(
        blog,
        lambda: actions.check_mark_key_event(post, editor, True, "Dam holds"),
        "key_event_marked",
    )
    verify_action(
        blog, lambda: actions.check_mark_key_event(post, editor, False), "key_event_unmarked"
    )


def test_summary_and_coverage_changes_append_their_events(blog, editor):
    verify_action(
        blog,
        lambda: actions.check_update_summary(blog, editor, "Three districts evacuated."),
        "summary_changed",
    )
    verify_action(blog, lambda: actions.check_set_coverage(blog, editor, False), "coverage_closed")
    verify_action(blog, lambda: actions.check_set_coverage(blog, editor, True), "coverage_opened")


def test_a_change_that_does_nothing_appends_nothing(blog, reporter, editor):
    post = actions.check_publish_post(blog, reporter, "News.")
    verify_action(blog, lambda: actions.check_pin_post(post, editor, False))


def test_sequence_numbers_are_gap_free_and_strictly_increasing(blog, reporter):
    for n in range(5):
        actions.check_publish_post(blog, reporter, f"Post {n}.")
    assert [seq for seq, _, _ in events(blog)] == [1, 2, 3, 4, 5]


def test_a_change_that_rolls_back_leaves_no_event(blog, reporter):
    actions.check_publish_post(blog, reporter, "Kept.")
    with pytest.raises(RuntimeError), transaction.atomic():
        actions.check_publish_post(blog, reporter, "Rolled back.")
        raise RuntimeError("the request failed after publishing")
    assert [t for _, t, _ in events(blog)] == ["post_published"]
    assert not LivePost.objects.filter(body_source="Rolled back.").exists()
    # The next event takes the next number: the rolled-back one left no gap.
    actions.check_publish_post(blog, reporter, "Next.")
    assert [seq for seq, _, _ in events(blog)] == [1, 2]


def test_notification_is_sent_only_after_commit(blog, reporter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        actions.check_publish_post(blog, reporter, "News.")
    # The hint to live readers, and readers' cached pages made stale: both wait.
    assert len(callbacks) == 2
