from django.urls import path

from . import views

# Included before Wagtail's pages, which would otherwise take /<edition>/<topic>/….
app_name = "feeds"
urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", views.sitemap_index, name="sitemap_index"),
    path("sitemaps/news.xml", views.news_sitemap, name="news_sitemap"),
    path("sitemaps/<str:edition>.xml", views.edition_sitemap, name="edition_sitemap"),
    # Each name serves an edition's feed, and with a topic that topic hub's.
    path("<str:edition>/rss.xml", views.rss_feed, name="rss"),
    path("<str:edition>/atom.xml", views.atom_feed, name="atom"),
    path("<str:edition>/feed.json", views.json_feed, name="json"),
    path("<str:edition>/<str:topic>/rss.xml", views.rss_feed, name="rss"),
    path("<str:edition>/<str:topic>/atom.xml", views.atom_feed, name="atom"),
    path("<str:edition>/<str:topic>/feed.json", views.json_feed, name="json"),
]
