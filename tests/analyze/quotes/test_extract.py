"""Quote extraction on the seed article and on small sentences of our own (loads spaCy)."""

from __future__ import annotations


import pytest

from newsgraph.analyze.entities import extract_entities
from newsgraph.analyze.quotes import extract_quotes

from paths import SEED

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_quotes(nlp):
    doc = nlp(SEED.read_text(encoding="utf-8"))
    return doc.text, extract_quotes(doc, extract_entities(doc))


def _quotes(nlp, text: str):
    doc = nlp(text)
    return extract_quotes(doc, extract_entities(doc))


def _find(quotes, starting: str):
    found = [q for q in quotes if q.text.startswith(starting)]
    assert found, f"no quote starts with {starting!r}"
    return found[0]


@pytest.mark.parametrize(
    "starting, kind, cue, speaker_text, name",
    [
        # the split Knutov quote: each part its own quote, both his
        ("But against this background,", "direct", "explained", "Yuri Knutov, a military expert", "Yuri Knutov"),
        ("statements by the leaders", "direct", "explained", "Yuri Knutov, a military expert", "Yuri Knutov"),
        ("for the sake of bringing peace", "direct", "According to", "him", "Volodymyr Zelensky"),
        ("taking into account the risks", "indirect", "According to", "the NG interlocutor", "Yuri Knutov"),
        ("to provide an additional 3 billion", "indirect", "promised", "She", "Annalena Baerbock"),
        ("an agreement had been reached", "indirect", "confirmed", "Starmer’s office", "Starmer’s office"),
        ("The necessary momentum was set", "indirect", "assured", "London", None),
        ("increased pressure on Russia", "indirect", "called", "Zelensky", "Volodymyr Zelensky"),
        ("the need for joint efforts", "indirect", "stressed", "Mikhail Podolyak", "Mikhail Podolyak"),
        ("the joint efforts of Moscow", "indirect", "added", "The expert", "Yuri Knutov"),
        ("But with the support of foreign allies", "direct", "said", "the analyst", "Yuri Knutov"),
        ("at the summit held in the French capital", "indirect", "recalled", "the Kiev media", None),
    ],
)
def test_quotes_seed_hard_cases(seed_quotes, starting, kind, cue, speaker_text, name):
    text, quotes = seed_quotes
    q = _find(quotes, starting)
    assert q.kind == kind
    assert q.cue and q.cue[2] == cue
    assert q.speaker.text.startswith(speaker_text)
    if name is not None:
        assert q.speaker.name == name
    # offsets index the text, and direct quotes leave their marks out
    assert text[q.start:q.end] == q.text and not q.text.startswith(("“", '"'))


def test_quotes_seed_london_is_the_state_speaker(seed_quotes):
    _, quotes = seed_quotes
    q = _find(quotes, "The necessary momentum")
    assert q.speaker.entity is not None and q.speaker.name in {"London", "United Kingdom"}


def test_quotes_seed_offices_are_one_speaker(seed_quotes):
    _, quotes = seed_quotes
    office = _find(quotes, "in a recent telephone conversation")
    assert office.speaker.text == "the British Prime Minister’s office"
    assert office.speaker.name == "Starmer’s office" and office.speaker.entity is None


def test_quotes_seed_scare_quotes_and_titles_are_not_quotes(seed_quotes):
    _, quotes = seed_quotes
    assert not any(q.text.startswith(("willing", "Let’s do without")) for q in quotes)


# Sentences of our own, written for these tests.
@pytest.mark.parametrize(
    "text, content, kind, speaker",
    [
        ("Maria Lopez, a senior analyst at the bank, said that rates would rise in May.",
         "rates would rise in May", "indirect", "Maria Lopez"),
        ("Rates will rise in May, the central bank said on Friday.",
         "Rates will rise in May", "indirect", "the central bank"),
        ("According to officials in Berlin, the talks will resume next week.",
         "the talks will resume next week", "indirect", "officials in Berlin"),
        ("“We are ready,” Tom Baker said. “The trucks leave at dawn.”", "We are ready,", "direct", "Tom Baker"),
        # the next quoted sentence continues the same speaker
        ("“We are ready,” Tom Baker said. “The trucks leave at dawn.”", "The trucks leave at dawn.", "direct", "Tom Baker"),
        ("The mayor told reporters: “Nobody will be evicted this winter.”",
         "Nobody will be evicted this winter.", "direct", "The mayor"),
        ("Anna Berg warned that the dam was “close to failure” after the storm.",
         "the dam was “close to failure” after the storm", "mixed", "Anna Berg"),
        ("It was reported that the factory would close.", "the factory would close", "indirect", None),
        # a participle or infinitive cue with no subject of its own: the subject it depends on
        ("The governor ended the meeting by saying that the budget was final.", "the budget was final",
         "indirect", "The governor"),
        ("Advisers to the mayor were quick to point out that the turnout had doubled.", "the turnout had doubled",
         "indirect", "Advisers to the mayor"),
        # a second "that" clause is said too, though the parser hangs it on the verb
        ("The senator said there are no good options, but that sometimes the lesser of two evils will have to do.",
         "there are no good options, but that sometimes the lesser of two evils will have to do", "indirect",
         "The senator"),
    ],
)
def test_quotes_our_sentences(nlp, text, content, kind, speaker):
    quotes = _quotes(nlp, text)
    q = next(q for q in quotes if q.text == content)
    assert q.kind == kind
    if speaker is None:  # a report with no source named: no speaker made up
        assert q.speaker is None
    else:  # the mention may carry its apposition: "Maria Lopez, a senior analyst at the bank"
        assert q.speaker.text.startswith(speaker)


def test_quotes_seed_split_quote_parts_are_linked(seed_quotes):
    _, quotes = seed_quotes
    first = _find(quotes, "But against this background,")
    second = _find(quotes, "statements by the leaders")
    assert first.part_of is None
    assert second.part_of == quotes.index(first)


@pytest.mark.parametrize("text, parts, speaker", [
    ('"We will not retreat," the minister said on Monday. "Our soldiers are holding the line '
     'and they will hold it through the winter."\n\nThe ministry gave no figures.',
     ["We will not retreat,", "Our soldiers are holding the line and they will hold it through the winter."],
     "the minister"),
    # the speaker's description between the parts may run long; the second part still has no cue
    ('"Prices will keep rising through the spring," said Maria Lopez, chief economist at the '
     'Northbridge Institute, a research group that advises the central bank on lending. "Households '
     'should expect higher heating bills until April."\n\nThe bank was closed on Monday.',
     ["Prices will keep rising through the spring,", "Households should expect higher heating bills until April."],
     "Maria Lopez"),
])
def test_quotes_a_quote_continued_in_the_next_sentence_is_one_quotation(nlp, text, parts, speaker):
    quotes = _quotes(nlp, text)
    assert [q.text for q in quotes] == parts
    assert quotes[1].part_of == 0 and quotes[1].speaker.text.startswith(speaker)


@pytest.mark.parametrize("text, content, speaker", [
    # the parser ends the sentence at the closing mark: the cue opens the next one (our sentences)
    ("“If the dam breaks, the valley will flood within hours.” Ortiz said.",
     "If the dam breaks, the valley will flood within hours.", "Ortiz"),
    ("“Three more ferries will run from Monday, and the fares will not rise!” Transport Minister Karen Holt "
     "said as she opened the new terminal.",
     "Three more ferries will run from Monday, and the fares will not rise!", "Transport Minister Karen Holt"),
])
def test_quotes_a_cue_opening_the_sentence_after_the_closing_mark(nlp, text, content, speaker):
    quotes = _quotes(nlp, text)
    assert [(q.kind, q.text, q.speaker.text) for q in quotes if q.part_of is None][:1] == [("direct", content, speaker)]


@pytest.mark.parametrize("text, content", [
    # the space after the comma is lost in the copy (our sentences)
    ("Holt said,“Look, the ferries will run on time. Nobody should worry.”", "Look, the ferries will run on time."),
    ('Holt said,"Look, the ferries will run on time. Nobody should worry."', "Look, the ferries will run on time."),
])
def test_quotes_a_quotation_mark_glued_to_the_cue(nlp, text, content):
    quotes = _quotes(nlp, text)
    assert [(q.kind, q.text, q.cue[2], q.speaker.text) for q in quotes][:1] == [("direct", content, "said", "Holt")]


@pytest.mark.parametrize("text, parts, speaker", [
    ("Most of the new jobs, she said, will go to workers in the north.",
     ["Most of the new jobs", "will go to workers in the north"], "she"),
    # a phrase fronted before the cue's subject is the content's, not the cue's
    ("In a hard winter, the engineers said, the old pipes would burst.",
     ["In a hard winter", "the old pipes would burst"], "the engineers"),
])
def test_quotes_a_cue_inside_the_clause_reports_both_sides_as_one_quotation(nlp, text, parts, speaker):
    quotes = _quotes(nlp, text)
    assert [q.text for q in quotes] == parts
    assert [q.part_of for q in quotes] == [None, 0]
    assert all(q.speaker.text == speaker for q in quotes)


def test_quotes_separate_attributions_are_not_linked(nlp):
    text = ('The minister said the talks would resume. '
            'The opposition leader said the government had already conceded too much.')
    quotes = _quotes(nlp, text)
    assert len(quotes) == 2 and all(q.part_of is None for q in quotes)


@pytest.mark.parametrize("text, expected", [
    # a stance in a relative clause inside what was said is part of it
    ("The senator insisted he has different questions for the aide than the ones he refused to answer last year.",
     [("he has different questions for the aide than the ones he refused to answer last year", "The senator")]),
    # speech or belief in a relative clause, with its own speaker, is an attribution of its own
    ("The Buffalo News reported that the hair was found 50 feet from a tree where police believe the sniper "
     "stood and fired.",
     [("the hair was found 50 feet from a tree where police believe the sniper stood and fired",
       "The Buffalo News"), ("the sniper stood and fired", "police")]),
    ("Officials said the fine was imposed by the European Commission, which argued that Ireland had undertaxed "
     "the company.",
     [("the fine was imposed by the European Commission", "Officials"),
      ("Ireland had undertaxed the company", "the European Commission")]),
])
def test_quotes_inside_a_content_only_speech_or_belief_in_a_relative_clause_counts(nlp, text, expected):
    quotes = _quotes(nlp, text)
    assert [(q.text, q.speaker.text) for q in quotes] == expected


@pytest.mark.parametrize("text, expected", [
    ("The minister urged restraint.", ["restraint"]),
    # whom it was said to is not what was said
    ("The minister urged Congress on Tuesday.", []),
    ("Trump told the crowd in Iowa.", []),
    ("“We will not back down,” he told the cheering crowd.", ["We will not back down,"]),
    ("She told the truth about the deal.", ["the truth about the deal"]),
])
def test_quotes_the_one_spoken_to_is_no_content(nlp, text, expected):
    assert [q.text for q in _quotes(nlp, text)] == expected


def test_quotes_a_content_cut_before_a_coordinated_cue_ends_cleanly(nlp):
    text = ("The senator said she has no plans to change her vote and would not identify any single issue "
            "that could sway her.")
    quotes = _quotes(nlp, text)
    assert [(q.text, q.cue[2]) for q in quotes] == [
        ("she has no plans to change her vote", "said"), ("any single issue that could sway her", "identify")]


def test_quotes_a_paraphrase_before_a_long_quoted_passage_has_no_trailing_space(nlp):
    text = ("The minister said that the American approach to the security of the whole Asia-Pacific region "
            "remained “a steady and reliable partnership.”")
    quotes = _quotes(nlp, text)
    assert [(q.text, q.kind) for q in quotes] == [
        ("the American approach to the security of the whole Asia-Pacific region remained", "indirect"),
        ("a steady and reliable partnership.", "direct")]


@pytest.mark.parametrize("text, expected", [
    # the fragment inside the paraphrase is not reported a second time as a part of its own
    ("Jobs said that Mac OS X has had “a secret double life” and OS X had “been compiled for Intel processors "
     "for five years.”",
     [("Mac OS X has had “a secret double life” and OS X had", "mixed"),
      ("been compiled for Intel processors for five years.", "direct")]),
    # a complement ending inside a quotation takes the quotation whole
    ("The candidate appeared to assert his plans by saying, “I am trying to save lives and prevent the next "
     "attack. We can’t afford to be politically correct anymore.”",
     [("I am trying to save lives and prevent the next attack.", "direct"),
      ("We can’t afford to be politically correct anymore.", "direct")]),
])
def test_quotes_a_quotation_is_never_cut_or_reported_twice(nlp, text, expected):
    assert [(q.text, q.kind) for q in _quotes(nlp, text)] == expected


def test_quotes_seed_long_direct_quote_gives_one_part_per_sentence(seed_quotes):
    text, quotes = seed_quotes
    first = _find(quotes, "The use of Oreshnik against Ukrainian facilities")
    assert first.text == "The use of Oreshnik against Ukrainian facilities will not be enough."
    second = _find(quotes, "Since the previous attack by this ballistic missile")
    assert second.part_of == quotes.index(first)
    assert first.speaker.name == second.speaker.name == "Yuri Knutov"


def test_quotes_seed_long_direct_quote_splits_a_sentence_of_two_claims(seed_quotes):
    text, quotes = seed_quotes
    first = _find(quotes, "As you know, US President Trump")
    assert first.text == "As you know, US President Trump himself opposes a new global war"
    second = quotes[quotes.index(first) + 1]
    assert second.text.startswith("the Democratic Party, which opposes") and second.part_of == quotes.index(first)
    # "..., but then inevitably," Knutov stated: the coordinated clause is the attribution, not a claim
    last = _find(quotes, "That is why Europe is proposing")
    assert last.text.endswith("but then inevitably,") and last.part_of == quotes.index(first)


@pytest.mark.parametrize("text, parts", [
    ('"The pipeline will be repaired by May, but the winter will be hard for the villages. '
     'Nobody has promised us generators," the mayor said.',
     ["The pipeline will be repaired by May", "the winter will be hard for the villages.",
      "Nobody has promised us generators,"]),
    # a second clause without a subject of its own is no second claim
    ('"We asked for help in March, and again in April. Nobody came," she said.',
     ["We asked for help in March, and again in April.", "Nobody came,"]),
])
def test_quotes_long_direct_quote_gives_one_part_per_independent_clause(nlp, text, parts):
    quotes = _quotes(nlp, text)
    assert [q.text for q in quotes] == parts
    assert [q.part_of for q in quotes] == [None] + [0] * (len(parts) - 1)


def test_quotes_seed_content_after_a_relative_cue_leaves_out_speaker_and_cue(seed_quotes):
    _, quotes = seed_quotes
    q = _find(quotes, "to acquire by 2030")
    assert q.text == "to acquire by 2030" and q.speaker.text == "Ukraine" and q.cue[2] == "plans"


def test_quotes_seed_reporters_aside_is_not_part_of_the_claim(seed_quotes):
    _, quotes = seed_quotes
    q = _find(quotes, "the idea of creating a Ukrainian satellite constellation")
    assert q.text.endswith("initiated by France")


@pytest.mark.parametrize("text, content", [
    ("The senator said the bill would pass by Friday, which would give the agency a budget for the winter.",
     "the bill would pass by Friday"),
    # also after a paraphrase with a quoted fragment in it
    ("The senator said the bill would pass “by Friday at the latest,” which would give the agency a budget.",
     "the bill would pass “by Friday at the latest,”"),
    # a restrictive relative clause is part of what was said
    ("The mayor said the families who lost their homes would get help.",
     "the families who lost their homes would get help"),
])
def test_quotes_trailing_non_restrictive_clause_is_cut(nlp, text, content):
    quotes = _quotes(nlp, text)
    assert [q.text for q in quotes] == [content]


def test_quotes_a_quotation_over_paragraphs_keeps_its_parts_together(nlp):
    # a quotation running into a second paragraph reopens its marks there, as news style does
    text = ('"The shelling went on all night. Nobody in the village slept.\n\n'
            '"We have asked for buses twice," the mayor told reporters on Sunday.')
    quotes = _quotes(nlp, text)
    assert [q.text for q in quotes] == ["The shelling went on all night.", "Nobody in the village slept.",
                                        "We have asked for buses twice,"]
    assert [q.part_of for q in quotes] == [None, 0, 0]
    assert all(q.speaker.text == "the mayor" for q in quotes)


@pytest.mark.parametrize("text, content", [
    # ours: the clause's later verbs, with no subject of their own, are said too
    ("The parole board said he had behaved well, had completed programs to reduce his violence "
     "and had been attending counselling.",
     "he had behaved well, had completed programs to reduce his violence and had been attending counselling"),
    # ours: a second "that" clause after "and"
    ("He told investigators he was upset with the plan to accept refugees and that his attack "
     "was meant to save his family.",
     "he was upset with the plan to accept refugees and that his attack was meant to save his family"),
])
def test_coordinated_clauses_of_one_cue_are_one_content(nlp, text, content):
    doc = nlp(text)
    assert content in [q.text for q in extract_quotes(doc, extract_entities(doc))]


def test_a_closing_reporting_participle_is_an_attribution_of_its_own(nlp):
    # ours: "arguing ..." is the senator's second claim, not part of the first
    text = ("Senator Dana Perdue said she did not believe the ads cost them the election, "
            "arguing that divisions in the party hurt them.")
    doc = nlp(text)
    quotes = {q.text: q for q in extract_quotes(doc, extract_entities(doc))}
    assert "she did not believe the ads cost them the election" in quotes
    second = quotes.get("divisions in the party hurt them")
    assert second is not None and second.speaker is not None and "Perdue" in second.speaker.text


def test_a_second_report_after_comma_and_is_its_own_quote(nlp):
    # ours: ", and when pressed ..., she said B" is a second report, not part of A
    text = ("She said fathers who adopt would not be eligible for the paid leave, and when pressed "
            "on why the plan leaves them out, she said it was a start.")
    doc = nlp(text)
    contents = [q.text for q in extract_quotes(doc, extract_entities(doc))]
    assert "fathers who adopt would not be eligible for the paid leave" in contents
    assert "it was a start" in contents


@pytest.mark.parametrize("text, content", [
    # ours: a closing concessive is the reporter's qualification
    ("The agency said the latest test was its biggest yet, although it may take days to tell how big.",
     "the latest test was its biggest yet"),
    ("The senators said they would keep their approach, despite weeks of falling poll numbers.",
     "they would keep their approach"),
    # ours: after a semicolon and a clause of its own, the reporter goes on
    ("A spokesman said the timing of the news was not intentional; they only learned of it on Friday.",
     "the timing of the news was not intentional"),
])
def test_content_ends_before_a_concession_or_a_semicolon(nlp, text, content):
    doc = nlp(text)
    assert content in [q.text for q in extract_quotes(doc, extract_entities(doc))]


@pytest.mark.parametrize("text, content, kind", [
    # ours: what the speaker then did is not what was said: the quotation alone, direct
    ('Mara Lentz, the target of the joke, retorted, "I am a very good swimmer" and then dropped the mic.',
     "I am a very good swimmer", "direct"),
    # ours: a phrase quoted in part goes on with its own coordinated verb
    ('The senator urged voters to "stand up for the truth" and vote early.',
     'to "stand up for the truth" and vote early', "mixed"),
])
def test_a_quotation_ends_before_what_its_speaker_did(nlp, text, content, kind):
    doc = nlp(text)
    found = [q for q in extract_quotes(doc, extract_entities(doc)) if q.text.strip("”“\"") == content]
    assert found and found[0].kind == kind


def test_a_quotation_after_a_concession_stays_in_the_content(nlp):
    # ours: the speaker's own quoted words after "although" are part of what was said
    text = 'The coach said the team played well, although "we still have a lot to learn."'
    doc = nlp(text)
    assert any("a lot to learn" in q.text for q in extract_quotes(doc, extract_entities(doc)))


@pytest.mark.parametrize("text, content", [
    # ours: when something was said or done is not what was said
    ("Few people would have described Mr. Obama as a climate evangelist when he ran for the White House in 2008.",
     "Mr. Obama as a climate evangelist"),
    ("The leaders condemned the missile launch as Pyongyang fired three missiles into the sea.",
     "the missile launch"),
    # ours: the reason stays
    ("The union condemned the mayor for his remarks.", "the mayor for his remarks"),
])
def test_an_object_content_leaves_out_when(nlp, text, content):
    doc = nlp(text)
    assert content in [q.text for q in extract_quotes(doc, extract_entities(doc))]


@pytest.mark.parametrize("text, content", [
    # ours: bare infinitives after the first one go with it, not with the cue
    ("The senator wants to triple the size of the program, grow the volunteer corps and create a reserve.",
     "to triple the size of the program, grow the volunteer corps and create a reserve"),
    ("The city planned to revitalize ticket sales to the bridge, then hand over the property as a park.",
     "to revitalize ticket sales to the bridge, then hand over the property as a park"),
])
def test_coordinated_infinitives_are_one_content(nlp, text, content):
    doc = nlp(text)
    assert content in [q.text for q in extract_quotes(doc, extract_entities(doc))]
