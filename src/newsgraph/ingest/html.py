"""Reader for HTML pages, and HTML-fragment-to-text for feed entries.

Main text, title, author, date, site name and URL come from trafilatura, which
drops navigation, cookie banners, share buttons, footers, scripts and styles.
Paragraphs come out one per line.

Charset: we decode the bytes ourselves, strictly, because trafilatura ignores a
page's declared charset (it tries UTF-8, then guesses, then replaces bad bytes).
The order is: ``options.encoding`` when it is not the UTF-8 default, then the
HTTP header (WARC), then ``<meta charset>`` or the XML declaration, then UTF-8.
Limits: the page is read whole; ``options.max_chars`` bounds the extracted text,
not the markup.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import BinaryIO

import lxml.html
import trafilatura

from ..errors import InputError
from ..model import RawDocument, ReadOptions
from . import decoding
from .meta import iso_date, language_tag

__all__ = ["read", "from_bytes", "fragment_text", "NO_TEXT"]

NO_TEXT = "no article text found in the HTML (only boilerplate or scripts)"

_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""",
    re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
# Browsers read these labels as windows-1252 (WHATWG Encoding Standard), and so
# do pages in the wild that declare them while using curly quotes.
_WHATWG = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252"}
_BLOCKS = ("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
           "pre", "table", "tr", "section", "article", "figure", "figcaption", "header",
           "footer", "dl", "dt", "dd", "hr")


def _charset(data: bytes, options: ReadOptions, header: str | None, source: str,
             location: str | None) -> str:
    """The encoding to decode a page with (see the module docstring for the order)."""
    if codecs.lookup(options.encoding).name != "utf-8":
        return options.encoding
    declared = header
    if not declared and (match := _DECLARED.search(data[:4096])):
        declared = (match.group(1) or match.group(2)).decode("ascii")
    if not declared:
        return options.encoding
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        raise InputError(source, f"the page declares charset {declared!r}, which is unknown; "
                                 "pass the real one with --encoding", location) from None
    return _WHATWG.get(name, name)


def from_bytes(data: bytes, source: str, options: ReadOptions, url: str | None = None,
               location: str | None = None, header_charset: str | None = None) -> RawDocument:
    """Extract the article from one page's bytes; raise InputError if there is none."""
    charset = _charset(data, options, header_charset, source, location)
    page = decoding.decode(data, charset, source, location)
    # lxml refuses a str that still carries an XML encoding declaration.
    page = _XML_DECL.sub("", page, count=1)
    try:
        doc = trafilatura.bare_extraction(
            page, url=url, with_metadata=True, include_comments=False,
            prune_xpath="//noscript")  # "please enable JavaScript" is not article text
    except Exception as error:  # trafilatura/lxml can fail on pathological markup
        raise InputError(source, f"HTML extraction failed ({type(error).__name__}: {error})",
                         location) from error
    if doc is None or not (doc.text or "").strip():
        raise InputError(source, NO_TEXT, location)
    decoding.check_length(doc.text, source, location, options.max_chars)
    return RawDocument(
        text=doc.text, source=source, location=location, title=doc.title or None,
        outlet=doc.sitename or None, url=url or doc.url or None, author=doc.author or None,
        published=iso_date(doc.date), language=language_tag(doc.language))


def read(name: str, stream: BinaryIO, options: ReadOptions) -> Iterator[RawDocument | InputError]:
    """Yield the one article of an HTML file, or the InputError explaining why not."""
    try:
        yield from_bytes(stream.read(), name, options)
    except InputError as error:
        yield error


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): one block per line.

    A fragment is not a page, so trafilatura's boilerplate heuristics (which may
    drop a short entry whole) do not apply; we take all text except scripts/styles.
    """
    if not fragment.strip():
        return ""
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for junk in root.xpath(".//script|.//style|.//noscript|.//template"):
        junk.drop_tree()
    for element in root.iter(*_BLOCKS, "br"):
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)
