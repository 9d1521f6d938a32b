"""A minimal one-page PDF writer for the demo flyer, so the demo needs no PDF library.

It writes PDF 1.4 with the built-in Helvetica font in WinAnsi encoding (enough for German
text) and a correct cross-reference table, so every PDF reader opens it.
"""

import textwrap

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 56
WRAP_AT = 84  # characters per line of 11 pt Helvetica within the margins


def _pdf_string(text: str) -> bytes:
    """A PDF literal string: WinAnsi bytes with backslash and parentheses escaped."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _content_stream(heading: str, paragraphs: list[str]) -> bytes:
    """Drawing operators: the heading in bold, then the wrapped paragraphs."""
    lines = [b"BT", b"/F2 16 Tf", b"20 TL", f"{MARGIN} {PAGE_HEIGHT - MARGIN - 16} Td".encode()]
    for part in textwrap.wrap(heading, 55):
        lines += [_pdf_string(part) + b" Tj", b"T*"]
    lines += [b"/F1 11 Tf", b"15 TL", b"T*"]
    for paragraph in paragraphs:
        for part in textwrap.wrap(paragraph, WRAP_AT):
            lines += [_pdf_string(part) + b" Tj", b"T*"]
        lines.append(b"T*")
    lines.append(b"ET")
    return b"\n".join(lines)


def one_page_pdf(heading: str, paragraphs: list[str]) -> bytes:
    """A valid one-page A4 PDF showing ``heading`` and ``paragraphs``."""
    stream = _content_stream(heading, paragraphs)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
        "/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref_at = len(out)
    out += f"xref\n0 {len(objects) + 1}\n".encode()
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref_at}\n%%EOF\n"
    ).encode()
    return bytes(out)
