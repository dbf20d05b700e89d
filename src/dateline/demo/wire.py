# ruff: noqa: E501 (the sample items are kept as an agency would send them)
"""The demo's wire: a sample agency's items about the demo's fictional storm,
written for the demo (no real agency copy), in three of the formats Dateline
reads. They arrive through the same door as an agency's pushes."""

from __future__ import annotations

import base64
import json

from dateline.wire.ingest import receive_document
from dateline.wire.models import Provider

from .photos import draw_scene

AGENCY = "Sample Press Agency (demo)"

FLASH = {
    "uri": "urn:demo:sample-press:aurelia:dique-norte",
    "version": "1",
    "type": "text",
    "urgency": 1,
    "language": "es",
    "pubstatus": "usable",
    "headlines": [
        {"role": "main", "value": "URGENTE: Cede parte del dique norte de Puerto Valdemar"}
    ],
    "descriptions": [
        {"role": "summary", "value": "Protección Civil ordena evacuar el barrio del Muelle."},
        {"role": "creditline", "value": AGENCY},
    ],
    "bodies": [
        {
            "role": "main",
            "contenttype": "text/plain",
            "value": "Un tramo del dique norte de Puerto Valdemar cedió esta tarde por la "
            "crecida causada por la tormenta Aurelia, según Protección Civil.\n\n"
            "Las autoridades ordenaron evacuar el barrio del Muelle. Ampliaremos.",
        }
    ],
    "by": "Redacción SPA (muestra)",
    "located": "Puerto Valdemar",
}

STORY = """<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:demo:sample-press:aurelia:albergues"
  version="2" standard="NewsML-G2" standardversion="2.33" xml:lang="es">
  <rightsInfo><copyrightHolder><name>Sample Press Agency (demo)</name></copyrightHolder></rightsInfo>
  <itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:SPA"/>
    <versionCreated>2026-01-15T17:40:00Z</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
  <contentMeta>
    <urgency>3</urgency>
    <located><name>La Ribera</name></located>
    <creator><name>Inés Montoya (muestra)</name></creator>
    <creditline>Sample Press Agency (demo)</creditline>
    <headline>Los albergues de La Ribera acogen a 400 vecinos tras la crecida del río Claro</headline>
    <description role="drol:summary">Voluntarios reparten mantas y comida caliente mientras el agua sigue alta.</description>
  </contentMeta>
  <contentSet><inlineXML contenttype="application/nitf+xml">
    <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body>
      <body.head><hedline><hl1>Los albergues de La Ribera acogen a 400 vecinos</hl1></hedline></body.head>
      <body.content>
        <p>El polideportivo y dos colegios de La Ribera pasaron la noche convertidos en albergues para los vecinos desalojados por la crecida del río Claro.</p>
        <hl2>Voluntarios</hl2>
        <p>Decenas de voluntarios reparten mantas, agua y comida caliente. El ayuntamiento pide que no se acuda a la zona inundada.</p>
      </body.content>
    </body></nitf>
  </inlineXML></contentSet>
</newsItem>"""

PICTURE = """<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:demo:sample-press:aurelia:foto-muelle"
  version="1" standard="NewsML-G2" standardversion="2.33" xml:lang="es">
  <itemMeta><itemClass qcode="ninat:picture"/><provider qcode="nprov:SPA"/>
    <versionCreated>2026-01-15T17:30:00Z</versionCreated></itemMeta>
  <contentMeta>
    <creator role="crol:photographer"><name>Nuria Cano (muestra)</name></creator>
    <creditline>Sample Press Agency (demo)</creditline>
    <headline>Sacos terreros en el barrio del Muelle</headline>
    <description role="drol:caption">Vecinos apilan sacos terreros en el barrio del Muelle (foto de muestra).</description>
  </contentMeta>
  <contentSet><inlineData contenttype="image/jpeg" encoding="base64">{data}</inlineData></contentSet>
</newsItem>"""

ENGLISH = {
    "uri": "urn:demo:sample-press:aurelia:ferries-en",
    "version": "1",
    "type": "text",
    "urgency": 4,
    "language": "en",
    "versionCreated": "2026-01-15T16:00:00Z",
    "headlines": [
        {"role": "main", "value": "Storm Aurelia halts ferries along the Valdemar coast"}
    ],
    "descriptions": [
        {"role": "summary", "value": "Port authorities expect crossings to resume on Friday."}
    ],
    "bodies": [
        {
            "role": "main",
            "contentType": "text/html",
            "value": "<p>All ferry crossings from Puerto Valdemar were suspended as Storm Aurelia "
            "brought gusts of over 100 km/h.</p><p>Port authorities expect services to resume "
            "on Friday if the wind drops.</p>",
        }
    ],
    "by": "Sample Press Agency staff (sample)",
    "located": "Puerto Valdemar",
    "infoSources": [{"name": AGENCY}],
}


def load_wire() -> Provider:
    """The demo provider and its items (taken again harmlessly: versions held are unchanged)."""
    provider, _created = Provider.objects.get_or_create(
        slug="demo-wire",
        defaults={"name": AGENCY, "kind": Provider.Kind.PUSH, "credit_line": AGENCY},
    )
    picture = PICTURE.replace("{data}", base64.b64encode(draw_scene(7, 800, 450)).decode())
    for document in (
        json.dumps(ENGLISH).encode(),
        picture.encode(),
        STORY.encode(),
        json.dumps(FLASH).encode(),
    ):
        receive_document(provider, document)
    return provider
