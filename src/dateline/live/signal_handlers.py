"""What follows the creation of a live blog: its desk state, made with it, so that
reading a blog never writes."""

from __future__ import annotations

from django.db.models.signals import post_save

from .models import LiveBlogPage, LiveState


def give_a_new_blog_its_state(sender, instance, created, raw=False, **kwargs) -> None:
    if created and not raw:
        LiveState.objects.get_or_create(blog_id=instance.pk)


def connect() -> None:
    post_save.connect(give_a_new_blog_its_state, sender=LiveBlogPage, dispatch_uid="live-state")
