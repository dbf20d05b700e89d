"""Live blogs made before their state was created with them get it now, so that
reading a blog never has to write it."""

from django.db import migrations


def give_every_blog_its_state(apps, schema_editor):
    LiveBlogPage = apps.get_model("live", "LiveBlogPage")
    LiveState = apps.get_model("live", "LiveState")
    have = set(LiveState.objects.values_list("blog_id", flat=True))
    LiveState.objects.bulk_create(
        LiveState(blog_id=pk)
        for pk in LiveBlogPage.objects.values_list("pk", flat=True)
        if pk not in have
    )


class Migration(migrations.Migration):
    dependencies = [("live", "0002_summary_source")]

    operations = [migrations.RunPython(give_every_blog_its_state, migrations.RunPython.noop)]
