"""Small WordPress exports, written as WordPress writes them."""

from __future__ import annotations

import io
from pathlib import Path

from django.core.management import call_command

from bench.wordpress import SITE, write_export


def attachment(post_id: int, relative_path: str, caption: str = "") -> str:
    return (
        f"<item><title>Photo {post_id}</title>"
        f"<link>{SITE}/?attachment_id={post_id}</link>"
        f'<guid isPermaLink="false">{SITE}/wp-content/uploads/{relative_path}</guid>'
        f"<excerpt:encoded><![CDATA[{caption}]]></excerpt:encoded>"
        f"<content:encoded><![CDATA[]]></content:encoded>"
        f"<wp:post_id>{post_id}</wp:post_id><wp:status>inherit</wp:status>"
        f"<wp:post_type>attachment</wp:post_type>"
        f"<wp:attachment_url>{SITE}/wp-content/uploads/{relative_path}</wp:attachment_url>"
        f"<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key>"
        f"<wp:meta_value><![CDATA[{relative_path}]]></wp:meta_value></wp:postmeta></item>\n"
    )


def export(tmp_path: Path, posts: int = 5, extra_items: str = "") -> Path:
    path = tmp_path / "export.xml"
    write_export(path, posts, authors=3, categories=2, tags=3, extra_items=extra_items)
    return path


def import_wordpress(path: Path, *args: str, edition: str = "es") -> str:
    out = io.StringIO()
    call_command("import_wordpress", str(path), "--edition", edition, *args, stdout=out)
    return out.getvalue()
