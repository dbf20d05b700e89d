"""The Content-Security-Policy header (django-csp), with the newsroom's own screens
allowed what Wagtail's admin and the API's documentation page need.

Readers' pages get the strict policy of `CONTENT_SECURITY_POLICY`: nothing
inline, nothing from elsewhere but photos and embeds. Wagtail's admin, seen
only by the newsroom's signed-in staff, writes inline scripts and styles into
its editor pages (different on every page, so neither nonces nor hashes can
name them): under /admin/ those are allowed, and everything else stays the
site's own.
"""

from __future__ import annotations

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware

# Paths whose pages Dateline does not render itself, and what each needs beyond
# the strict policy.
RELAXED = {
    "/admin/": {"script-src": [SELF, UNSAFE_INLINE], "style-src": [SELF, UNSAFE_INLINE]},
}


class ContentSecurityPolicy(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        for prefix, update in RELAXED.items():
            if request.path_info.startswith(prefix):
                parts.replace = {**(parts.replace or {}), **update}
        return parts
