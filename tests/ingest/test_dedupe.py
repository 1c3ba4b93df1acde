"""Near-duplicate detection on wire-story variants written for these tests."""

from __future__ import annotations

from newsgraph.ingest import dedupe

WIRE = (
    "KYIV, April 1 - Ukraine and Britain agreed on Tuesday to hold talks between their military chiefs "
    "within days, Ukraine's president said after a phone call with the British prime minister. "
    "The talks will prepare the ground for a possible deployment of European troops once a ceasefire "
    "is reached, officials in both capitals said. Britain and France have led efforts to build a "
    "coalition of countries willing to guarantee a future peace deal, and more than thirty countries "
    "took part in a planning meeting in Paris last week. Russia has said it would regard any foreign "
    "troops in Ukraine as a legitimate target."
)


def test_dedupe_same_wire_story_under_another_headline_is_a_near_duplicate():
    a = dedupe.signature("Ukraine, UK to hold military talks\n" + WIRE)
    b = dedupe.signature("Kyiv and London agree on defence meeting\n" + WIRE)
    assert set(a.bands) & set(b.bands), "LSH should make them candidates"
    same, score = dedupe.is_near_duplicate(a.shingles, b.shingles)
    assert same and score > 0.9


def test_dedupe_trimmed_version_is_a_near_duplicate():
    trimmed = WIRE.rsplit(" Russia has said", 1)[0]
    same, score = dedupe.is_near_duplicate(dedupe.shingles(WIRE), dedupe.shingles(trimmed))
    assert same and score == 1.0


def test_dedupe_different_story_on_the_same_topic_is_not_linked():
    other = (
        "Russia said on Tuesday that any European troops sent to Ukraine would be treated as a party to "
        "the conflict, after Britain and France said they were ready to lead a reassurance force. The "
        "foreign ministry in Moscow called the plans reckless and warned of escalation. Officials in "
        "Kyiv welcomed the European proposals and said talks with military chiefs would begin soon."
    )
    same, score = dedupe.is_near_duplicate(dedupe.shingles(WIRE), dedupe.shingles(other))
    assert not same and score < 0.2


def test_dedupe_short_texts_are_never_linked():
    sig = dedupe.signature("Talks held.")
    assert sig.bands == ()
    assert dedupe.is_near_duplicate(sig.shingles, sig.shingles) == (False, 0.0)


def test_dedupe_band_hashes_are_stable_across_calls():
    assert dedupe.signature(WIRE).bands == dedupe.signature(WIRE).bands
    assert len(dedupe.signature(WIRE).bands) == dedupe.BANDS
