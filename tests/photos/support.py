"""Photos as agencies send them: JPEGs carrying IPTC and XMP credits, made here."""

from __future__ import annotations

import io
import struct

from PIL import Image

BYLINE, CREDIT, SOURCE, COPYRIGHT, CAPTION, DATE_CREATED = 80, 110, 115, 116, 120, 55


def iptc_segment(records: dict[int, str]) -> bytes:
    """A JPEG APP13 segment (Photoshop 3.0) holding IPTC records of record 2."""
    iim = b"".join(
        b"\x1c\x02" + bytes([dataset]) + struct.pack(">H", len(data)) + data
        for dataset, data in ((d, v.encode()) for d, v in records.items())
    )
    if len(iim) % 2:
        iim += b"\x00"
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim))
    body = b"Photoshop 3.0\x00" + resource + iim
    return b"\xff\xed" + struct.pack(">H", len(body) + 2) + body


def xmp_packet(
    creator: str = "", credit: str = "", description: str = "", rights: str = ""
) -> bytes:
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    photoshop:Credit="{credit}" photoshop:DateCreated="2026-11-30T08:15:00">
   <dc:creator><rdf:Seq><rdf:li>{creator}</rdf:li></rdf:Seq></dc:creator>
   <dc:description>
    <rdf:Alt><rdf:li xml:lang="x-default">{description}</rdf:li></rdf:Alt>
   </dc:description>
   <dc:rights><rdf:Alt><rdf:li xml:lang="x-default">{rights}</rdf:li></rdf:Alt></dc:rights>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()


def jpeg(iptc: dict[int, str] | None = None, xmp: bytes | None = None) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (40, 90, 140)).save(out, "JPEG", **({"xmp": xmp} if xmp else {}))
    data = out.getvalue()
    if iptc:
        data = data[:2] + iptc_segment(iptc) + data[2:]  # right after the start-of-image marker
    return data


AGENCY_IPTC = {
    BYLINE: "Lucía Ferrer",
    CREDIT: "Agencia Austral",
    CAPTION: "Waves break over the sea wall at Puerto Lumen.",
    COPYRIGHT: "© 2026 Agencia Austral",
    DATE_CREATED: "20261130",
}
