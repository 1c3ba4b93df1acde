"""RSS and Atom feeds: one article per entry, content preferred over summary."""

from __future__ import annotations

import pytest

from ingest_fixtures import FIXTURES
from newsgraph.errors import InputError
from newsgraph.ingest import read_inputs
from newsgraph.model import RawDocument, ReadOptions

OPTIONS = ReadOptions()


def read_all(path, options=OPTIONS):
    return list(read_inputs([str(path)], options))


def test_feed_rss_entries_with_content_and_with_summary_only():
    barrier, library = read_all(FIXTURES / "feed_rss.xml")
    assert barrier.text.startswith("Engineers finished the new flood barrier on the River Teme on Monday")
    assert "“We will sleep better this spring,” said resident Ann Hughes." in barrier.text
    assert "The new barrier on the River Teme is finished." not in barrier.text  # the summary
    assert "FEED-SCRIPT-TEXT" not in barrier.text and "<p>" not in barrier.text
    assert library.text.startswith("The town library will open on Sundays from April")
    assert (barrier.title, barrier.author) == ("Flood barrier completed ahead of spring rains", "Owen Pritchard")
    assert barrier.url == "https://valleycourier.example/2025/03/flood-barrier"
    assert (barrier.published, library.published) == ("2025-03-11", "2025-03-10")
    assert barrier.outlet == library.outlet == "Valley Courier"
    assert barrier.language == "en"  # from <language>en-gb</language>
    assert [d.location for d in (barrier, library)] == ["entry 1", "entry 2"]


def test_feed_atom_entries():
    trains, ferry = read_all(FIXTURES / "feed_atom.atom")
    assert trains.text == ("The regional rail operator said on Tuesday it had ordered 24 new electric "
                           "trains worth 310 million euros.\nDeliveries are due to start in 2027, the "
                           "company said in a statement.")
    assert trains.author == "Liisa Koskinen" and trains.outlet == "Northern Wire"
    assert trains.published == "2025-04-01"
    assert ferry.published == "2025-03-30"  # no <published>: <updated> is used
    assert ferry.text.startswith("Ferries between the mainland and the islands resumed")
    assert ferry.url == "https://northernwire.example/ferry-resumes"


def test_feed_keeps_the_local_publication_day(tmp_path):
    path = tmp_path / "late.atom"
    path.write_text('<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>x</title>'
                    "<published>2025-04-01T00:30:00+02:00</published><summary>Late night news.</summary>"
                    "</entry></feed>")
    (doc,) = read_all(path)
    assert doc.published == "2025-04-01"  # not 2025-03-31, its UTC day


@pytest.mark.parametrize("content", [
    b"<rss><channel><title>Cut off",
    b"<?xml version='1.0'?><rss version='2.0'><channel><title>x</title></chan",
])
def test_feed_malformed_without_entries_is_an_error(tmp_path, content):
    path = tmp_path / "broken.rss"
    path.write_bytes(content)
    (error,) = read_all(path)
    assert isinstance(error, InputError) and error.source == str(path)
    assert error.reason.startswith("malformed feed: ")


def test_feed_entry_without_text_is_reported_and_the_next_is_read(tmp_path):
    path = tmp_path / "mixed.rss"
    path.write_text("<rss version='2.0'><channel><title>Wire</title>"
                    "<item><title>Only a title</title></item>"
                    "<item><title>Real</title><description>Ministers met on Friday.</description></item>"
                    "</channel></rss>")
    error, doc = read_all(path)
    assert isinstance(error, InputError) and error.location == "entry 1"
    assert "no content or summary" in error.reason
    assert isinstance(doc, RawDocument) and doc.text == "Ministers met on Friday."
