"""Every page takes the locale of its edition's language (es, en), so that the
versions of a story in several languages can share one `translation_key`."""

from django.db import migrations


def pages_follow_their_editions_language(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    EditionPage = apps.get_model("editions", "EditionPage")
    for edition in EditionPage.objects.all():
        if not edition.language:
            continue
        code = edition.language.split("-")[0].lower()
        locale, _ = Locale.objects.get_or_create(language_code=code)
        Page.objects.filter(path__startswith=edition.path).update(locale=locale)


class Migration(migrations.Migration):
    dependencies = [
        ("editions", "0003_merge_0002_edition_groups_0002_front_page_curation"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(pages_follow_their_editions_language, migrations.RunPython.noop)
    ]
