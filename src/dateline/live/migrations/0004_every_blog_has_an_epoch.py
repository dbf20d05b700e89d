"""Each live blog gets an epoch of its own (DESIGN §5.3), which qualifies its
sequence numbers in event ids.

A field added with a default gives every existing row the same value, so the
column is added empty and each blog then gets its own random epoch."""

from django.db import migrations, models

import dateline.live.models


def give_every_blog_an_epoch(apps, schema_editor):
    LiveState = apps.get_model("live", "LiveState")
    for state in LiveState.objects.only("pk"):
        LiveState.objects.filter(pk=state.pk).update(epoch=dateline.live.models.new_epoch())


class Migration(migrations.Migration):
    dependencies = [("live", "0003_every_blog_has_its_state")]

    operations = [
        migrations.AddField(
            model_name="livestate",
            name="epoch",
            field=models.CharField(default="", max_length=16),
            preserve_default=False,
        ),
        migrations.RunPython(give_every_blog_an_epoch, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="livestate",
            name="epoch",
            field=models.CharField(default=dateline.live.models.new_epoch, max_length=16),
        ),
    ]
