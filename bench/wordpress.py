"""How fast an archive comes along: a generated WordPress export imported into an edition.

    .venv/bin/python bench/wordpress.py [--posts 100000] [--batch-size 500]

Writes an export of POSTS posts (with authors, categories, tags and a few
drafts, pages and trashed posts, as real sites have), loads the demo newsroom
into a database of its own (SQLite, or a fresh PostgreSQL database beside
DATABASE_URL's), times `dateline import-wordpress` on it and prints articles
per second; then times a second run, which must add nothing. Prints figures,
asserts nothing.
"""

from __future__ import annotations

import argparse
import html
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.harness.server import ROOT, load_demo, separate_database, site_env, venv_bin

SITE = "https://archive.example.org"
WORDS = [
    "storm",
    "coast",
    "harbour",
    "council",
    "river",
    "bridge",
    "rain",
    "warning",
    "families",
    "shelter",
    "road",
    "fishermen",
    "mayor",
    "port",
    "wind",
    "evacuation",
    "flood",
    "town",
    "school",
    "market",
    "volunteers",
    "night",
]


def _sentence(rng: random.Random, words: int = 14) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def write_export(
    path: Path,
    posts: int,
    *,
    seed: int = 7,
    authors: int = 20,
    categories: int = 30,
    tags: int = 200,
    extra_items: str = "",
) -> None:
    """A WXR 1.2 file with `posts` posts; one in fifty is a draft, and a page, a
    trashed post and a menu item come along for every thousand posts."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n'
            '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            f"<title>Sample archive</title><link>{SITE}</link>\n"
            "<wp:wxr_version>1.2</wp:wxr_version>\n"
            f"<wp:base_site_url>{SITE}</wp:base_site_url>\n"
        )
        for n in range(authors):
            out.write(
                f"<wp:author><wp:author_id>{n + 1}</wp:author_id>"
                f"<wp:author_login><![CDATA[writer{n}]]></wp:author_login>"
                f"<wp:author_display_name><![CDATA[Sample Writer {n}]]></wp:author_display_name>"
                "</wp:author>\n"
            )
        for n in range(categories):
            out.write(
                f"<wp:category><wp:term_id>{n + 1}</wp:term_id>"
                f"<wp:category_nicename><![CDATA[section-{n}]]></wp:category_nicename>"
                f"<wp:cat_name><![CDATA[Section {n}]]></wp:cat_name></wp:category>\n"
            )
        for n in range(tags):
            out.write(
                f"<wp:tag><wp:term_id>{1000 + n}</wp:term_id>"
                f"<wp:tag_slug><![CDATA[subject-{n}]]></wp:tag_slug>"
                f"<wp:tag_name><![CDATA[Subject {n}]]></wp:tag_name></wp:tag>\n"
            )
        out.write(extra_items)
        for n in range(1, posts + 1):
            if n % 1000 == 0:
                out.write(_item(rng, 10_000_000 + n, "page", "publish"))
                out.write(_item(rng, 20_000_000 + n, "post", "trash"))
                out.write(_item(rng, 30_000_000 + n, "nav_menu_item", "publish"))
            out.write(_item(rng, n, "post", "draft" if n % 50 == 0 else "publish"))
        out.write("</channel>\n</rss>\n")


def _item(rng: random.Random, post_id: int, post_type: str, status: str) -> str:
    title = f"Sample {post_id}: " + _sentence(rng, 6)[:-1]
    slug = f"sample-{post_id}"
    body = "\n\n".join(_sentence(rng, 40) for _ in range(3))
    day = 1 + post_id % 28
    categories = "".join(
        f'<category domain="category" nicename="section-{c}"><![CDATA[Section {c}]]></category>'
        for c in {post_id % 30, (post_id * 7) % 30}
    ) + "".join(
        f'<category domain="post_tag" nicename="subject-{t}"><![CDATA[Subject {t}]]></category>'
        for t in {post_id % 200, (post_id * 3) % 200, (post_id * 11) % 200}
    )
    excerpt = html.escape(_sentence(rng, 20)) if post_id % 2 else ""
    return (
        f"<item><title>{html.escape(title)}</title>"
        f"<link>{SITE}/2019/05/{day:02d}/{slug}/</link>"
        f'<guid isPermaLink="false">{SITE}/?p={post_id}</guid>'
        f"<dc:creator><![CDATA[writer{post_id % 20}]]></dc:creator>"
        f"<content:encoded><![CDATA[{body}]]></content:encoded>"
        f"<excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>"
        f"<wp:post_id>{post_id}</wp:post_id>"
        f"<wp:post_date_gmt>2019-05-{day:02d} 10:00:00</wp:post_date_gmt>"
        f"<wp:post_name>{slug}</wp:post_name><wp:status>{status}</wp:status>"
        f"<wp:post_parent>0</wp:post_parent><wp:post_type>{post_type}</wp:post_type>"
        f"{categories}</item>\n"
    )


def timed_import(export: Path, env: dict[str, str], batch_size: int) -> tuple[float, float, str]:
    """Wall-clock seconds, CPU seconds of the import process, and its summary line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    completed = subprocess.run(
        [venv_bin("dateline"), "import-wordpress", str(export), "--edition", "es",
         "--batch-size", str(batch_size)],
        env=env, cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    elapsed = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if completed.returncode != 0:
        sys.exit(f"import failed:\n{completed.stdout}\n{completed.stderr}")
    return elapsed, cpu, completed.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=500)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dateline-wordpress-") as scratch:
        var = Path(scratch)
        export = var / "export.xml"
        started = time.monotonic()
        write_export(export, options.posts)
        size = export.stat().st_size / 1e6
        print(f"export: {options.posts:,} posts, {size:,.0f} MB, written in "
              f"{time.monotonic() - started:,.1f}s")  # fmt: skip
        values = {"DATELINE_CLOCK_SECONDS": "0"}
        if os.environ.get("DATABASE_URL", "").startswith("postgres"):
            values["DATABASE_URL"] = separate_database(os.environ["DATABASE_URL"], "_bench_wp")
        env = site_env(var, drop=() if "DATABASE_URL" in values else ("DATABASE_URL",), **values)
        load_demo(env, var / "setup.log")
        database = "PostgreSQL" if "DATABASE_URL" in values else "SQLite"
        elapsed, cpu, summary = timed_import(export, env, options.batch_size)
        imported = options.posts  # drafts are brought too, as drafts
        print(
            f"{database}: first import {elapsed:,.1f}s, {imported / elapsed:,.0f} articles/s; "
            f"the import process used {cpu:,.1f}s of CPU, {imported / cpu:,.0f} articles per "
            f"CPU-second (load average {os.getloadavg()[0]:.1f})"
        )
        print(
            "  " + next((line for line in summary.splitlines() if line.startswith("Imported")), "")
        )
        again, cpu_again, _ = timed_import(export, env, options.batch_size)
        print(f"{database}: second run (nothing new) {again:,.1f}s, {cpu_again:,.1f}s of CPU")


if __name__ == "__main__":
    main()
