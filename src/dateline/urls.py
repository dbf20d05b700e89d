from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from dateline.accounts.views import AdminLogoutView, delete_account
from dateline.api.api import api, no_such_path
from dateline.articles.views import search

urlpatterns = [
    # Before Wagtail's own, which deletes the cookie without always ending the session.
    path("admin/logout/", AdminLogoutView.as_view()),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/delete/", delete_account, name="account_delete"),
    path("accounts/", include("allauth.urls")),
    path("api/v1/", api.urls),
    re_path(r"^api/", no_such_path),  # the API's own 404, never a page or a redirect
    path("comments/", include("dateline.comments.urls")),
]

if settings.SERVE_MEDIA:
    # Production serves media from object storage or the proxy; a laptop from here.
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]

urlpatterns += [
    # Feeds, sitemaps and robots.txt: after media (an upload may be called feed.json),
    # before Wagtail's pages, which match any path.
    path("", include("dateline.feeds.urls")),
    path("<slug:edition>/search/", search, name="search"),
    path("", include(wagtail_urls)),
]
handler404 = "dateline.editions.not_found.page_not_found"
