"""The Wagtail site a request is for, found once per process and publication."""

from __future__ import annotations

from wagtail.models import Site

from dateline.lib.generation import remember


def _site_for(request) -> Site | None:
    site = Site._find_for_request(request)
    if site is not None:
        # Routing starts at the root page as its own type (a home page).
        site.root_page = site.root_page.specific
    return site


def remembered_site(get_response):
    """Gives Wagtail the request's site without a query (`Site.find_for_request`
    keeps it on the request); saving a site starts a new publication generation."""

    def middleware(request):
        key = f"site:{request._get_raw_host()}:{request.get_port()}"
        request._wagtail_site = remember(key, lambda: _site_for(request))
        return get_response(request)

    return middleware
