from django.urls import path

from . import views

# Included before Wagtail's pages, which would otherwise take /<edition>/<topic>/….
app_name = "feeds"
urlpatterns = [
    # Each name serves an edition's feed, and with a topic that topic hub's.
    path("<str:edition>/rss.xml", views.rss_feed, name="rss"),
    path("<str:edition>/atom.xml", views.atom_feed, name="atom"),
    path("<str:edition>/feed.json", views.json_feed, name="json"),
    path("<str:edition>/<str:topic>/rss.xml", views.rss_feed, name="rss"),
    path("<str:edition>/<str:topic>/atom.xml", views.atom_feed, name="atom"),
    path("<str:edition>/<str:topic>/feed.json", views.json_feed, name="json"),
]
