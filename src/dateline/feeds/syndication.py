"""RSS 2.0 and Atom documents with everything a newsroom's feed carries.

Django's generators write one author per item and no photo credit; these add
every byline (Dublin Core in RSS, one <author> each in Atom) and the lead
photo as Media RSS, with its size and credit, next to the enclosure. (Not its
caption: readers built on feedparser show media:description as the story.)
"""

from __future__ import annotations

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"
MEDIA_RSS = "http://search.yahoo.com/mrss/"


class StoryRss(Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DUBLIN_CORE, "xmlns:media": MEDIA_RSS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item["authors"]:
            handler.addQuickElement("dc:creator", name)
        image = item["image"]
        if image is not None:
            handler.startElement(
                "media:content",
                {
                    "url": image.url,
                    "medium": "image",
                    "type": image.mime_type,
                    "fileSize": str(image.length),
                    "width": str(image.width),
                    "height": str(image.height),
                },
            )
            if image.credit:
                handler.addQuickElement("media:credit", image.credit)
            handler.endElement("media:content")


class StoryAtom(Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")
