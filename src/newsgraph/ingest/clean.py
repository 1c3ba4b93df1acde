"""The one-time text cleaning, and the metadata an Article gets from a RawDocument.

Cleaning is done here and only here, so an article's id (the hash of its
cleaned text) is stable. It must not move text around needlessly: on the seed
article it removes the trailing mojibake "Â" and nothing else, so gold character
offsets stay valid. Steps, in order:

1. ftfy repairs mojibake, with curly quotes kept (the quote finder needs them) and
   character-width folding off (it would turn Chinese full-width punctuation ，（）
   into ASCII). NFC normalisation, ligature and HTML-entity fixes stay on.
2. A stray "Â" (left of a no-break space encoded as UTF-8, read as Latin-1, whose
   second byte was lost) is removed when whitespace or the end follows it; "Âge"
   and all-capital words such as "ROMÂ" keep theirs.
3. Whitespace: CRLF/CR -> LF, Unicode spaces -> " ", runs of spaces/tabs -> one,
   spaces at line ends and starts dropped, 3+ newlines -> 2, ends stripped.
   Zero-width, bidi-control and C0/C1 control characters are removed. ZWJ and
   ZWNJ are kept: they are spelling in Persian and Indic scripts and in emoji.
"""

from __future__ import annotations

import re

import ftfy
import py3langid

from ..errors import InputError
from ..model import Article, RawDocument, ReadOptions
from .decoding import check_length
from .meta import language_tag

__all__ = ["clean", "clean_text", "detect_language"]

_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, explain=False)
_A_NBSP = re.compile("\u00c2\u00a0")
_STRAY_A = re.compile(r"\u00c2(?=\s|$)")
_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c]")
_INVISIBLE = re.compile(
    "[\u00ad\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    "\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[^\S\n]+")
_LINE_EDGES = re.compile(r" *\n *")
_BLANK_RUNS = re.compile(r"\n{3,}")
_LANGUAGE_SAMPLE = 3000


def _drop_stray_a(match: re.Match[str]) -> str:
    """Drop a word-final "Â" unless the word is in capitals (then it may be a letter)."""
    before = match.string[match.start() - 1] if match.start() else ""
    return match.group() if before.isupper() else ""


def clean_text(text: str) -> str:
    """Repair and normalise one article's text (see the module docstring)."""
    text = ftfy.fix_text(text, _FTFY)
    text = _A_NBSP.sub(" ", text)
    text = _STRAY_A.sub(_drop_stray_a, text)
    text = _BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _LINE_EDGES.sub("\n", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip()


def _clean_line(value: str | None) -> str | None:
    """Metadata (title, author...) cleaned like text, and kept on one line."""
    if value is None:
        return None
    return " ".join(clean_text(value).split()) or None


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language by py3langid; None if it has no letters.

    Only the first few thousand characters are looked at. py3langid loads its
    model once, on first use, and keeps it.
    """
    sample = text[:_LANGUAGE_SAMPLE]
    if not any(ch.isalpha() for ch in sample):
        return None
    language, _score = py3langid.classify(sample)
    return language


def clean(raw: RawDocument, options: ReadOptions) -> Article:
    """Clean a RawDocument into an Article; options' published/outlet/language win.

    Raises InputError if the text is over ``options.max_chars`` or nothing is left.
    """
    check_length(raw.text, raw.source, raw.location, options.max_chars)
    text = clean_text(raw.text)
    if not text:
        raise InputError(raw.source, "no text left after cleaning", raw.location)
    language = options.language or language_tag(raw.language) or detect_language(text)
    return Article(
        text=text, source=raw.source, title=_clean_line(raw.title),
        outlet=_clean_line(options.outlet or raw.outlet), url=(raw.url or "").strip() or None,
        author=_clean_line(raw.author), published=options.published or raw.published,
        language=language, location=raw.location)
