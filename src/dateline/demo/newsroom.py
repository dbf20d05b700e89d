"""The demo newsroom: seven editions covering a fictional storm.

Everything here is sample content about invented places and people: the
"Costa de Valdemar", "Puerto Valdemar" and the "río Claro" do not exist, and no
quote is attributed to a real person. `load()` is idempotent: it creates only
what is missing, so running the demo twice neither fails nor duplicates.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Page, Site

from dateline.articles import search
from dateline.articles.actions import do_create_story, do_link_translation, do_publish_story
from dateline.articles.models import (
    ArticleCorrection,
    ArticlePage,
    ArticleUpdate,
    Author,
    StoryByline,
    TopicPage,
)
from dateline.editions.actions import check_curate_front_page
from dateline.editions.models import EditionPage, HomePage, NewsroomSettings, SisterBrand
from dateline.editions.roles import ensure_edition_groups
from dateline.live import actions as live_actions
from dateline.live.models import LiveBlogPage, LivePost

from . import live_posts
from .photos import sample_photo
from .wire import load_wire

DEMO_PASSWORD = "dateline-demo"

EDITIONS = [
    # slug, name, language, time zone, tagline
    ("es", "España", "es-ES", "Europe/Madrid", "Noticias de España y del mundo"),
    ("cl", "Chile", "es-CL", "America/Santiago", "Noticias de Chile y del mundo"),
    ("co", "Colombia", "es-CO", "America/Bogota", "Noticias de Colombia y del mundo"),
    ("us", "USA", "en-US", "America/New_York", "News from the Americas, in English"),
    ("mx", "México", "es-MX", "America/Mexico_City", "Noticias de México y del mundo"),
    ("us-es", "USA Latino", "es-US", "America/Los_Angeles", "Noticias para los latinos en EE UU"),
    ("america", "América", "es-419", "America/Bogota", "Noticias de América Latina"),
]
SPANISH_TOPICS = {"storm-aurelia": "Tormenta Aurelia", "economy": "Economía"}
ENGLISH_TOPICS = {"storm-aurelia": "Storm Aurelia", "economy": "Economy"}
TOPIC_INTROS = {
    "es": "Toda la cobertura de la tormenta Aurelia en la costa de Valdemar (contenido de "
    "muestra).",
    "en": "All our coverage of Storm Aurelia on the Valdemar coast (sample content).",
}


def p(*paragraphs: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs]


@transaction.atomic
def load(stdout=None) -> dict:
    home = ensure_home()
    editions = {slug: ensure_edition(home, *rest, slug=slug) for slug, *rest in EDITIONS}
    ensure_settings()
    topics = {
        (slug, key): ensure_topic(edition, key)
        for slug, edition in editions.items()
        for key in ("storm-aurelia", "economy")
    }
    authors = {
        name: Author.objects.get_or_create(name=name, defaults={"role": role})[0]
        for name, role in [
            ("Lucía Ferrer", "Corresponsal en Valdemar"),
            ("Tomás Herrera", "Redactor"),
            ("Emma Clarke", "Correspondent"),
            ("Diego Salas", "Redactor de Economía"),
        ]
    }
    photos = {
        "flood": sample_photo(
            "Flooded street in Puerto Valdemar (sample)",
            1,
            "Vecinos cruzan una calle inundada en el barrio del Muelle, en Puerto Valdemar.",
            "Marta Ibáñez",
            "Dateline Photo (sample)",
        ),
        "harbour": sample_photo(
            "Harbour under storm clouds (sample)",
            2,
            "Nubes de tormenta sobre el puerto de Valdemar.",
            "Jonas Weber",
            "Sample Press Agency",
        ),
        "river": sample_photo(
            "The río Claro in flood (sample)",
            3,
            "El río Claro, desbordado a su paso por La Ribera.",
            "Marta Ibáñez",
            "Dateline Photo (sample)",
        ),
    }
    stories = load_stories(editions, topics, authors, photos)
    users = ensure_accounts(editions)
    correspondent = ensure_correspondent()
    link_translations(stories)
    spanish = load_live_posts(
        stories["es-live"], live_posts.SPANISH_OPENING, live_posts.SPANISH_SUMMARY, correspondent
    )
    load_live_posts(
        stories["us-live"],
        live_posts.ENGLISH_OPENING,
        live_posts.ENGLISH_SUMMARY,
        correspondent,
        translating=spanish,
    )
    load_live_posts(
        stories["cl-live"], live_posts.CHILEAN_OPENING, live_posts.CHILEAN_SUMMARY, correspondent
    )
    load_comments(stories, users["reader"][0], correspondent)
    stories.update(load_life_cycle(editions, topics, authors, users))
    curate_front_pages(editions, topics, stories, users["editor"][0])
    load_wire()
    return {"home": home, "editions": editions, "stories": stories, "users": users}


def load_life_cycle(editions, topics, authors, users) -> dict[str, Page]:
    """Stories at each stage before readers see them, so every door can be tried:
    an embargoed story and a scheduled one in España, a Chilean reporter's
    draft waiting in the editors' review queue, and a Chilean story the edition
    admin has still to assign."""
    es, cl = editions["es"], editions["cl"]
    stories = {}
    embargoed = ArticlePage.objects.child_of(es).filter(slug="informe-danos-aurelia").first()
    if embargoed is None:
        embargoed = ArticlePage(
            title="El informe oficial cifra los daños de la tormenta (embargado)",
            slug="informe-danos-aurelia",
            topic=topics["es", "storm-aurelia"],
            standfirst="Sample content: a report under embargo, hidden from readers "
            "everywhere until its time.",
            dateline_place="Madrid",
            bylines=bylines(authors["Diego Salas"]),
            body=p(
                "El informe de la agencia de emergencias de Valdemar se publica a la hora "
                "del embargo."
            ),
            embargo_until=timezone.now() + timedelta(hours=2),
        )
        do_publish_story(do_create_story(es, embargoed))
    stories["es-embargoed"] = embargoed

    scheduled = ArticlePage.objects.child_of(es).filter(slug="balance-semana-aurelia").first()
    if scheduled is None:
        scheduled = ArticlePage(
            title="Una semana después de Aurelia: el balance",
            slug="balance-semana-aurelia",
            topic=topics["es", "storm-aurelia"],
            standfirst="Sample content: scheduled to publish itself in three hours.",
            dateline_place="Puerto Valdemar",
            bylines=bylines(authors["Lucía Ferrer"]),
            body=p("Siete días después de la tormenta, la costa de Valdemar hace recuento."),
            live=False,
            go_live_at=timezone.now() + timedelta(hours=3),
        )
        do_publish_story(do_create_story(es, scheduled))
    stories["es-scheduled"] = scheduled

    reporter = users["reporter"][0]
    draft = ArticlePage.objects.child_of(cl).filter(slug="albergues-santiago").first()
    if draft is None:
        draft = ArticlePage(
            title="Los albergues de Santiago reciben a los primeros evacuados",
            slug="albergues-santiago",
            topic=topics["cl", "storm-aurelia"],
            standfirst="Sample content: a reporter's draft waiting for an editor's review.",
            dateline_place="Santiago",
            body=p("Tres albergues municipales abrieron sus puertas durante la noche."),
        )
        do_create_story(cl, draft, reporter)
        # Submitting mails the edition's reviewers; the demo's are not real people.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            draft.get_workflow().start(draft, reporter)
    stories["cl-in-review"] = draft

    # The edition admin's own draft: a story with no reporter yet, waiting for
    # the chief to give it a byline and hand it over.
    unassigned = ArticlePage.objects.child_of(cl).filter(slug="vuelos-santiago-valdemar").first()
    if unassigned is None:
        unassigned = ArticlePage(
            title="Qué pasa con los vuelos entre Santiago y Puerto Valdemar",
            slug="vuelos-santiago-valdemar",
            topic=topics["cl", "storm-aurelia"],
            standfirst="Sample content: a story still to assign, without a byline, for the "
            "edition admin to hand to a reporter.",
            dateline_place="Santiago",
            body=p("Las aerolíneas informarán mañana de los vuelos reprogramados."),
        )
        do_create_story(cl, unassigned, users["chief"][0])
    stories["cl-to-assign"] = unassigned
    return stories


def curate_front_pages(editions, topics, stories, editor) -> None:
    """Spain and Chile lead with their editor's choice rather than the newest story.

    An edition curated already (by an earlier load, or by someone trying the
    demo) is left as it is.
    """
    plans = {
        # edition: lead story, top stories in order, topic bar in order
        "es": ("es-live", ["es-main", "es-guide"], ["storm-aurelia", "economy"]),
        "cl": ("es-main", ["es-live", "cl-local"], ["storm-aurelia", "economy"]),
    }
    for slug, (lead, top, topic_keys) in plans.items():
        edition = editions[slug]
        if (
            edition.lead_story_id
            or edition.top_story_slots.exists()
            or edition.featured_topics.exists()
        ):
            continue
        check_curate_front_page(
            edition,
            editor,
            lead_story=stories[lead],
            top_stories=[stories[key] for key in top],
            featured_topics=[topics[slug, key] for key in topic_keys],
        )


def load_comments(stories, reader, neighbour) -> None:
    """A short thread on the Spanish story, and one comment waiting for a moderator."""
    from dateline.comments.actions import do_add_comment
    from dateline.comments.models import Comment

    main, english = stories["es-main"], stories["us-main"]
    if not Comment.objects.filter(story=main).exists():
        first = do_add_comment(
            main, reader, "Gracias por la cobertura. ¿Hay algún teléfono para los evacuados?"
        )
        do_add_comment(
            main,
            neighbour,
            "Protección Civil ha publicado los teléfonos en su web (comentario de muestra).",
            parent=first,
        )
    if not Comment.objects.filter(story=english).exists():
        english.comments_mode = type(english).Comments.PRE_MODERATED
        english.save_revision().publish()
        do_add_comment(english, reader, "Is the coast road open yet? (sample comment)")


def ensure_correspondent():
    """The byline of the simulated correspondent's posts. It cannot sign in."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username="correspondent",
        defaults={"first_name": "Lucía", "last_name": "Ferrer (sample correspondent)"},
    )
    if created:
        user.set_unusable_password()
        user.save()
    return user


def link_translations(stories) -> None:
    """The storm's Spanish and English stories and live blogs are versions of each other."""
    for spanish, english in [
        ("es-main", "us-main"),
        ("es-guide", "us-guide"),
        ("es-live", "us-live"),
    ]:
        story, version = stories[spanish], stories[english]
        if story.translation_key != version.translation_key:
            do_link_translation(story, version)


def load_live_posts(blog, opening, summary, author, translating=()) -> list[LivePost]:
    """The blog's opening posts, oldest first; each translates the post of the
    same place in `translating`, if any."""
    if LivePost.objects.filter(blog=blog).exists():
        return []
    live_actions.do_update_summary(blog, summary)
    originals = [*translating, *([None] * len(opening))]
    return [
        live_actions.do_publish_post(
            blog,
            author,
            text,
            key_event=key_event,
            published_at=ago(minutes_ago / 60),
            translation_of=original,
        )
        for minutes_ago, (text, key_event), original in zip(
            range(len(opening) * 40, 0, -40), opening, originals, strict=False
        )
    ]


def ensure_home() -> HomePage:
    home = HomePage.objects.first()
    if home:
        name_site(home)
        return home
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            title="Dateline",
            slug="dateline-home",
            intro="A multi-edition newsroom. This demo carries fictional sample content only.",
        )
    )
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site:
        welcome = site.root_page
        site.root_page = home
        site.save()
        if welcome.pk != home.pk and welcome.specific_class is Page and welcome.depth == 2:
            welcome.delete()
    else:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    name_site(home)
    return home


def name_site(home) -> None:
    """The admin's dashboard is titled with the site's name, else its host name."""
    Site.objects.filter(root_page=home, site_name="").update(site_name=settings.WAGTAIL_SITE_NAME)


def ensure_edition(home, name, language, time_zone, tagline, *, slug) -> EditionPage:
    edition = EditionPage.objects.child_of(home).filter(slug=slug).first()
    if edition is None:
        edition = home.add_child(
            instance=EditionPage(
                title=name, slug=slug, language=language, time_zone=time_zone, tagline=tagline
            )
        )
        edition.save_revision().publish()
    ensure_edition_groups(edition)
    return edition


def ensure_settings() -> None:
    settings = NewsroomSettings.load()
    settings.publisher_name = "Dateline"
    settings.app_url = "https://example.com/dateline-app"
    # One notice for every edition, so in both the demo's languages.
    settings.site_notice = (
        "Demo newsroom: every story here is fictional sample content about invented places. "
        "· Redacción de demostración: todas las noticias son contenido de muestra ficticio "
        "sobre lugares inventados."
    )
    settings.save()
    for order, (name, url) in enumerate(
        [
            ("Dateline Economía (sample)", "https://example.com/economia"),
            ("Dateline Sport (sample)", "https://example.com/sport"),
        ]
    ):
        SisterBrand.objects.get_or_create(name=name, defaults={"url": url, "sort_order": order})


def ensure_topic(edition: EditionPage, key: str) -> TopicPage:
    topic = TopicPage.objects.child_of(edition).filter(slug=key).first()
    if topic:
        return topic
    english = edition.language.startswith("en")
    title = (ENGLISH_TOPICS if english else SPANISH_TOPICS)[key]
    intro = TOPIC_INTROS["en" if english else "es"] if key == "storm-aurelia" else ""
    topic = edition.add_child(instance=TopicPage(title=title, slug=key, intro=intro))
    topic.save_revision().publish()
    return topic


def publish(
    edition, page, *, hours_ago: float, circulated_to=(), updates=(), corrections=()
) -> Page:
    existing = type(page).objects.child_of(edition).filter(slug=page.slug).first()
    if existing:
        return existing
    page.first_published_at = timezone.now() - timedelta(hours=hours_ago)
    page.circulated_to = list(circulated_to)
    page = do_publish_story(do_create_story(edition, page))
    # The article's public record, added as the newsroom adds it: after publication.
    for note in [*updates, *corrections]:
        note.article = page
        note.save()
    if updates or corrections:
        search.index_story(page)
    return page


def bylines(*authors) -> list[StoryByline]:
    return [StoryByline(author=author, sort_order=i) for i, author in enumerate(authors)]


def ago(hours: float):
    return timezone.now() - timedelta(hours=hours)


def load_stories(editions, topics, authors, photos) -> dict[str, Page]:
    es, us = editions["es"], editions["us"]
    spanish_circulation = [editions[s] for s in ("cl", "co", "mx", "us-es", "america")]
    stories = {}

    stories["es-guide"] = publish(
        es,
        ArticlePage(
            title="Qué hacer antes, durante y después de una tormenta",
            slug="que-hacer-tormenta",
            topic=topics["es", "storm-aurelia"],
            standfirst="Una guía práctica para preparar la casa, cuidar a los vecinos y "
            "volver con seguridad después de una inundación.",
            dateline_place="Madrid",
            bylines=bylines(authors["Tomás Herrera"]),
            lead_image=photos["harbour"],
            body=p(
                "Ten a mano agua, linterna, radio a pilas y los teléfonos de emergencia.",
                "No cruces calles inundadas a pie ni en coche: veinte centímetros de agua "
                "en movimiento bastan para arrastrar a una persona.",
            ),
        ),
        hours_ago=20,
        # The guide's one word about evacuating is in its Update box, where
        # readers' search finds it ("evacuaciones" too).
        updates=[
            ArticleUpdate(
                published_at=ago(6),
                text="<p>Protección Civil publica los puntos de encuentro en caso de "
                "evacuación: el polideportivo del Muelle y el instituto de La Ribera.</p>",
            ),
        ],
        circulated_to=spanish_circulation,
    )
    stories["es-live"] = publish(
        es,
        LiveBlogPage(
            title="Tormenta Aurelia, en directo: última hora de las inundaciones en Valdemar",
            slug="tormenta-aurelia-en-directo",
            topic=topics["es", "storm-aurelia"],
            standfirst="Sigue en directo la evolución de la tormenta, las evacuaciones y el "
            "estado de las carreteras en la costa de Valdemar.",
            bylines=bylines(authors["Lucía Ferrer"]),
            lead_image=photos["river"],
        ),
        hours_ago=9,
        circulated_to=spanish_circulation,
    )
    stories["es-main"] = publish(
        es,
        ArticlePage(
            title="La tormenta Aurelia deja sin electricidad a 200.000 hogares en la costa "
            "de Valdemar",
            slug="tormenta-aurelia-apagon-costa-valdemar",
            topic=topics["es", "storm-aurelia"],
            standfirst="Los servicios de emergencia evacúan tres barrios ribereños mientras el "
            "río Claro sigue creciendo. Las autoridades regionales prevén que lo peor llegue "
            "esta noche.",
            dateline_place="Puerto Valdemar",
            bylines=bylines(authors["Lucía Ferrer"], authors["Tomás Herrera"]),
            lead_image=photos["flood"],
            body=[
                *p(
                    "La tormenta Aurelia tocó tierra en la costa de Valdemar a primera hora "
                    "de la mañana con rachas de viento de más de 110 kilómetros por hora y "
                    "lluvias que en algunos puntos superaron los 180 litros por metro cuadrado.",
                    "La compañía eléctrica regional calcula que unos 200.000 hogares se "
                    "quedaron sin suministro en el peor momento del temporal.",
                ),
                {"type": "subhead", "value": "Evacuaciones en tres barrios"},
                *p(
                    "Protección Civil ordenó desalojar los barrios del Muelle, La Ribera y "
                    "San Telmo, los más próximos al cauce del río Claro, que a mediodía "
                    "superaba en dos metros su nivel habitual."
                ),
                {
                    "type": "see_also",
                    "value": {"story": stories["es-guide"].pk, "label": ""},
                },
                {
                    "type": "quote",
                    "value": {
                        "text": "Pedimos a los vecinos que no se acerquen a la orilla del río "
                        "hasta nuevo aviso.",
                        "speaker": "Portavoz de Protección Civil de Valdemar (ficticio)",
                    },
                },
                {"type": "subhead", "value": "Transporte y colegios"},
                *p(
                    "Los trenes de cercanías entre Puerto Valdemar y Costa Alta siguen "
                    "suspendidos y los colegios de la comarca permanecerán cerrados el jueves."
                ),
                {
                    "type": "image",
                    "value": {"image": photos["river"].pk, "caption": ""},
                },
                *p(
                    "Los servicios meteorológicos mantienen el aviso rojo hasta la "
                    "medianoche y esperan que la tormenta pierda fuerza al adentrarse en el "
                    "interior."
                ),
            ],
        ),
        hours_ago=6,
        updates=[
            ArticleUpdate(
                published_at=ago(3),
                text="<p>Protección Civil amplía la evacuación al barrio de San Telmo.</p>",
            ),
            ArticleUpdate(
                published_at=ago(1),
                text="<p>La compañía eléctrica ha restablecido el suministro a 40.000 hogares.</p>",
            ),
        ],
        corrections=[
            ArticleCorrection(
                published_at=ago(2),
                text="<p>Una versión anterior de este artículo situaba el desbordamiento "
                "en el río Verde. Se trata del río Claro.</p>",
            )
        ],
        circulated_to=spanish_circulation,
    )

    stories["us-guide"] = publish(
        us,
        ArticlePage(
            title="Storm Aurelia: what we know so far",
            slug="storm-aurelia-what-we-know",
            topic=topics["us", "storm-aurelia"],
            standfirst="Where the storm is, who has been evacuated and what comes next.",
            dateline_place="New York",
            bylines=bylines(authors["Emma Clarke"]),
            lead_image=photos["harbour"],
            body=p(
                "Storm Aurelia made landfall on the Valdemar coast early on Wednesday.",
                "Forecasters expect it to weaken as it moves inland overnight.",
            ),
        ),
        hours_ago=7,
    )
    stories["us-live"] = publish(
        us,
        LiveBlogPage(
            title="Storm Aurelia live: flooding on the Valdemar coast",
            slug="storm-aurelia-live",
            topic=topics["us", "storm-aurelia"],
            standfirst="Live updates as Storm Aurelia moves inland.",
            bylines=bylines(authors["Emma Clarke"]),
            lead_image=photos["river"],
        ),
        hours_ago=8,
    )
    stories["us-main"] = publish(
        us,
        ArticlePage(
            title="Storm Aurelia cuts power to 200,000 homes on the Valdemar coast",
            slug="storm-aurelia-power-cuts",
            topic=topics["us", "storm-aurelia"],
            standfirst="Emergency services evacuated three riverside districts as the river "
            "Claro kept rising; officials expect the worst tonight.",
            dateline_place="Puerto Valdemar",
            bylines=bylines(authors["Emma Clarke"], authors["Lucía Ferrer"]),
            lead_image=photos["flood"],
            lead_image_caption="Residents cross a flooded street in the Muelle district of "
            "Puerto Valdemar.",
            body=[
                *p(
                    "Storm Aurelia reached the Valdemar coast early on Wednesday with gusts "
                    "above 110 km/h and rainfall of more than 180 litres per square metre.",
                    "The regional power company says about 200,000 homes lost electricity at "
                    "the height of the storm.",
                ),
                {"type": "subhead", "value": "Three districts evacuated"},
                *p(
                    "Civil protection officials ordered residents out of the Muelle, La "
                    "Ribera and San Telmo districts, closest to the river Claro."
                ),
                {
                    "type": "see_also",
                    "value": {"story": stories["us-guide"].pk, "label": ""},
                },
                {
                    "type": "quote",
                    "value": {
                        "text": "We ask residents to stay away from the riverbank until further "
                        "notice.",
                        "speaker": "Valdemar civil protection spokesperson (fictional)",
                    },
                },
                {"type": "subhead", "value": "Trains and schools"},
                *p("Commuter trains remain suspended and schools will stay shut on Thursday."),
            ],
        ),
        hours_ago=5,
        updates=[
            ArticleUpdate(
                published_at=ago(2),
                text="<p>Evacuation widened to the San Telmo district.</p>",
            ),
            ArticleUpdate(
                published_at=ago(0.5),
                text="<p>Power has been restored to 40,000 homes.</p>",
            ),
        ],
        corrections=[
            ArticleCorrection(
                published_at=ago(1.5),
                text="<p>An earlier version of this article named the wrong river. It is "
                "the river Claro.</p>",
            )
        ],
    )
    stories["cl-local"] = publish(
        editions["cl"],
        ArticlePage(
            title="Cómo contactar con familiares en la costa de Valdemar",
            slug="contactar-familiares-valdemar",
            topic=topics["cl", "storm-aurelia"],
            standfirst="Los teléfonos y servicios de mensajería que siguen funcionando en la "
            "zona afectada por la tormenta.",
            dateline_place="Santiago",
            bylines=bylines(authors["Tomás Herrera"]),
            body=p("Las líneas fijas de la costa de Valdemar funcionan de forma intermitente."),
        ),
        hours_ago=4,
    )
    # Chile's own live blog, where the demo's Chilean reporter posts.
    stories["cl-live"] = publish(
        editions["cl"],
        LiveBlogPage(
            title="Chilenos en Valdemar, en directo: la comunidad ante la tormenta Aurelia",
            slug="chilenos-en-valdemar-en-directo",
            topic=topics["cl", "storm-aurelia"],
            standfirst="Contenido de muestra: la comunidad chilena de la costa de Valdemar, "
            "los vuelos y la ayuda consular, minuto a minuto.",
            bylines=bylines(authors["Tomás Herrera"]),
            lead_image=photos["harbour"],
        ),
        hours_ago=2,
    )
    stories["mx-economy"] = publish(
        editions["mx"],
        ArticlePage(
            title="El precio del café de Valdemar sube un 12% tras las inundaciones",
            slug="precio-cafe-valdemar",
            topic=topics["mx", "economy"],
            standfirst="Las lluvias anegaron una parte de los cultivos de la región y los "
            "compradores anticipan escasez.",
            dateline_place="Ciudad de México",
            bylines=bylines(authors["Diego Salas"]),
            body=p("Los precios de referencia subieron en la primera sesión tras la tormenta."),
        ),
        hours_ago=3,
    )
    return stories


def ensure_accounts(editions) -> dict:
    """The demo's people: an editor of two editions, a reporter of one, an edition
    admin of Chile, a reader, a site admin."""
    User = get_user_model()
    roles = {slug: ensure_edition_groups(edition) for slug, edition in editions.items()}
    people = {
        "editor": (
            "editor@example.com",
            [roles["es"]["editors"], roles["cl"]["editors"]],
            "Editor of España and Chile",
        ),
        "reporter": ("reporter@example.com", [roles["cl"]["reporters"]], "Reporter for Chile"),
        "chief": ("chief@example.com", [roles["cl"]["admins"]], "Edition admin of Chile"),
        "reader": ("reader@example.com", [], "Reader"),
        "admin": ("admin@example.com", [], "Site admin (all editions)"),
    }
    users = {}
    for username, (email, groups, description) in people.items():
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(username, email, DEMO_PASSWORD)
            if username == "admin":
                user.is_staff = user.is_superuser = True
                user.save()
            from allauth.account.models import EmailAddress

            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
        user.groups.add(*groups)
        users[username] = (user, description)
    return users
