from newsgraph.analyze.doc_text import text_of


def test_text_of_is_the_doc_text_joined_once(nlp):
    doc = nlp.make_doc("Rain fell.\n\nRoads  closed, police said.")
    assert text_of(doc) == doc.text
    assert text_of(doc) is text_of(doc)  # kept, not joined again


class _Plain:
    text = "no user data"


def test_text_of_reads_a_plain_text_attribute():
    assert text_of(_Plain()) == "no user data"
