from __future__ import annotations

from .models import SisterBrand


def editions(request):
    """Header links shared by every page: sister brands (lazily, so cached pages pay nothing)."""
    return {"sister_brands": SisterBrand.objects.all}
