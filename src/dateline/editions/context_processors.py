from __future__ import annotations

from dateline.lib.generation import remember

from .models import SisterBrand


def sister_brands() -> list[SisterBrand]:
    return remember("sister-brands", lambda: list(SisterBrand.objects.all()))


def editions(request):
    """Header links shared by every page: sister brands (lazily, so cached pages
    pay nothing; read once per publication)."""
    return {"sister_brands": sister_brands}
