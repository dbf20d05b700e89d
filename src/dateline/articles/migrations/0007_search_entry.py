import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

# PostgreSQL matches on the entries' own `vector` column through a GIN index;
# SQLite keeps the entries' stemmed words in an FTS5 table beside them
# (`articles.search`), whose rows go with their entry.
FORWARD = {
    "postgresql": [
        "CREATE INDEX articles_searchentry_vector ON articles_searchentry USING gin (vector)",
    ],
    "sqlite": [
        "CREATE VIRTUAL TABLE articles_searchentry_fts USING fts5("
        "language, title, text, tokenize = 'unicode61 remove_diacritics 2')",
        "CREATE TRIGGER articles_searchentry_fts_delete AFTER DELETE ON articles_searchentry "
        "BEGIN DELETE FROM articles_searchentry_fts WHERE rowid = old.id; END",
    ],
}
BACKWARD = {
    "postgresql": ["DROP INDEX articles_searchentry_vector"],
    "sqlite": [
        "DROP TRIGGER articles_searchentry_fts_delete",
        "DROP TABLE articles_searchentry_fts",
    ],
}


def run(statements):
    def operation(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_circulated_to_label"),
        ("live", "0004_every_blog_has_an_epoch"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("language", models.CharField(max_length=32)),
                ("title", models.TextField(blank=True)),
                ("text", models.TextField(blank=True)),
                (
                    "vector",
                    django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
                ),
                (
                    "post",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="live.livepost",
                    ),
                ),
                (
                    "story",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="articles.storypage",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("post", None)),
                        fields=("story",),
                        name="one_search_entry_per_story",
                    ),
                    models.UniqueConstraint(fields=("post",), name="one_search_entry_per_post"),
                ],
            },
        ),
        migrations.RunPython(run(FORWARD), run(BACKWARD)),
    ]
