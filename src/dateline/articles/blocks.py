"""The blocks an article's body is made of. Each renders its own semantic markup."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class SubheadBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "articles/blocks/subhead.html"
        label = _("Subhead")


class SeeAlsoBlock(blocks.StructBlock):
    """An inline link to a related story: "See also: <headline>"."""

    story = blocks.PageChooserBlock(page_type=["articles.ArticlePage", "live.LiveBlogPage"])
    label = blocks.CharBlock(
        required=False, help_text=_("Link text; the story's headline if left empty.")
    )

    class Meta:
        icon = "link"
        template = "articles/blocks/see_also.html"
        label = _("See also")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    speaker = blocks.CharBlock(required=False)

    class Meta:
        icon = "openquote"
        template = "articles/blocks/quote.html"
        label = _("Quote")


class BodyImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False, help_text=_("The photo's own caption if empty."))

    class Meta:
        icon = "image"
        template = "articles/blocks/image.html"
        label = _("Image")


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES, template="articles/blocks/paragraph.html"
    )
    subhead = SubheadBlock()
    see_also = SeeAlsoBlock()
    quote = QuoteBlock()
    image = BodyImageBlock()
    embed = EmbedBlock(icon="media", template="articles/blocks/embed.html")
