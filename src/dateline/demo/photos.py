"""Sample photos, drawn here so the demo ships no third-party images."""

from __future__ import annotations

import io
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont

from dateline.photos.models import Photo


def draw_scene(seed: int, width: int = 1600, height: int = 900) -> bytes:
    """A stormy coastline: gradient sky, rain, sea and a harbour skyline."""
    rng = random.Random(seed)
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    top, bottom = (38 + seed * 9, 52, 71), (120, 132 + seed * 5, 148)
    horizon = int(height * 0.62)
    for y in range(horizon):
        t = y / horizon
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )
    for y in range(horizon, height):
        t = (y - horizon) / (height - horizon)
        draw.line([(0, y), (width, y)], fill=(int(30 + 20 * t), int(60 + 30 * t), int(80 + 20 * t)))
    x = 0
    while x < width:
        w, h = rng.randint(40, 120), rng.randint(40, 220)
        draw.rectangle([x, horizon - h, x + w, horizon], fill=(24, 30, 40))
        x += w + rng.randint(0, 30)
    for _ in range(900):
        rx, ry = rng.randint(0, width), rng.randint(0, height)
        draw.line([(rx, ry), (rx - 8, ry + 26)], fill=(200, 210, 220), width=1)
    font = ImageFont.load_default(size=42)
    draw.text((40, height - 80), "SAMPLE PHOTO · DATELINE DEMO", fill=(255, 255, 255), font=font)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82)
    return out.getvalue()


def sample_photo(
    title: str, seed: int, caption: str, photographer: str, agency: str, alt: str = ""
) -> Photo:
    existing = Photo.objects.filter(title=title).first()
    if existing:
        return existing
    photo = Photo(
        title=title,
        # Alt text describes the picture; the caption, shown beside it, tells the news.
        description=alt or "A drawn sample picture: rain over a dark harbour skyline and the sea.",
        caption=caption,
        photographer=photographer,
        agency=agency,
    )
    photo.file = ImageFile(io.BytesIO(draw_scene(seed)), name=f"demo-{seed}.jpg")
    photo.save()
    return photo
