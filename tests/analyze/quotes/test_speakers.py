"""Rule-based speaker resolution on sentences of our own (loads spaCy)."""

from __future__ import annotations

import pytest

from newsgraph.analyze.entities import extract_entities
from newsgraph.analyze.quotes import extract_quotes

pytestmark = pytest.mark.slow


def _speakers(nlp, text):
    doc = nlp(text)
    return [(q.speaker.text, q.speaker.name) if q.speaker else None for q in extract_quotes(doc, extract_entities(doc))]


@pytest.mark.parametrize(
    "text, expected_last",
    [
        # pronoun -> the latest person that spoke
        ("Peter Hansen said the port would reopen. He added that ships were waiting.", ("He", "Peter Hansen")),
        # role noun -> the person introduced with that role by apposition
        ("Lena Ortiz, a water expert, said the river was low. Mark Webb said prices would rise. "
         "The expert also warned that wells could dry up.", ("The expert", "Lena Ortiz")),
        # role noun from a title before the name
        ("Health Minister Karen Holt said clinics would stay open. The minister promised to hire nurses.",
         ("The minister", "Karen Holt")),
        # an office speaks for its holder, named by its first mention
        ("Holt's office confirmed that the plan was approved.", ("Holt's office", "Holt's office")),
        # so do a person's staff, and a body with its owner's name before it
        ("Mayor Dana Holt promised lower taxes. Holt's staff later said the figure was a forecast.",
         ("Holt's staff", "Holt's staff")),
        ("The Rossi campaign said the poll was wrong. Later the Rossi campaign added that it would appeal.",
         ("the Rossi campaign", "Rossi campaign")),
        # but a person's role with a name before it is the person given that role
        ("Kremlin spokesman Dmitry Peskov said talks were over. The Kremlin spokesman added that no date was set.",
         ("The Kremlin spokesman", "Dmitry Peskov")),
        # a role last given to someone unnamed is that unnamed person, not the latest name
        ("Tests link a missing activist to the scene, a police official said. Mark Webb, the activist, "
         "left the city last year. The tests were sent to a laboratory, the official said.",
         ("the official", None)),
        # the subject of a passive speech or stance verb is spoken of, not the speaker
        ("Police are hunting Omar Haddad. Haddad is accused of planning the attack.", None),
        # a verb coordinated with a "by ..." clause's verb: the subject of the verb the clause hangs on
        ("Dana Price interrupted the meeting by blowing an airhorn and joking that she was bored.",
         ("Dana Price", "Dana Price")),
        # a verb of the manner of saying is a cue: the quotation is its subject's, not the last speaker's
        ('"We will win the next one," Dana Price said. "Nobody asked you for your opinion," scolded Mara Lentz.',
         ("Mara Lentz", "Mara Lentz")),
        # a surname the tagger missed, with a relative clause making it the subject, is whom "he" means
        ('Alfonso Espinos opened the store in 2004. "I don\'t think Xander would be drawing," says Darrin Wise. '
         'For Espinos, who understands the challenges of ambition, it is simply a market niche. '
         '"You gotta start somewhere," he says.', ("he", "Alfonso Espinos")),
        # a person named in the quotation itself is its topic, not whom "he wrote" means
        ('Dan Moore at the National Review agreed with the verdict.\n\n"If the goal was to make Tim Kaine '
         'defend business as usual, Tim Kaine looked tired," he wrote.', ("he", "Dan Moore")),
        # a surname the tagger took for a common word is the person the text named in full before
        ("The hosts, Andy Samberg and Sandra Oh, opened the show with a joke. Canadian actor Oh said the "
         "pairing was a lucky one.", ("Canadian actor Oh", "Sandra Oh")),
        ("Theresa May met the king on Monday. May said the talks were useful.", ("May", "Theresa May")),
        # "it" saying something is the organisation that spoke just before
        ("The Tribune wrote that the mayor had resigned. “The council was not told,” it added.",
         ("it", "Tribune")),
        # but an "it" that is nobody stays nobody, and an organisation only named is not it
        ("Harlow Steel sent a letter to the council on Thursday. It says the council broke the law.", ("It", None)),
        ("The Tribune wrote that the mayor had resigned. It is worth noting that the count took two days.",
         ("It", None)),
        # a plural role noun is a group, not the latest person
        ("Mark Webb said the bridge was safe. The officials said it would close.", ("The officials", None)),
    ],
)
def test_speakers_resolve_our_sentences(nlp, text, expected_last):
    assert _speakers(nlp, text)[-1] == expected_last


def test_speakers_unresolved_mentions_keep_text_and_no_name(nlp):
    # an indefinite source is not guessed to be anybody
    text, name = _speakers(nlp, "A source close to the talks said that a deal was near.")[-1]
    assert text.startswith("A source") and name is None


@pytest.mark.parametrize(
    "text, expected_last",
    [
        # ours: a surname alone is the person introduced in full before it
        ("Damon Green spent five years as the caddie of Zach Johnson. Green said the split was hard on both of them.",
         ("Green", "Damon Green")),
        ("The union is led by Jeff Traeger. Traeger said roughly 65 per cent of the employees voted in favour.",
         ("Traeger", "Jeff Traeger")),
        # ours: a title before the surname is no part of the name
        ("Justin Trudeau spoke in Halifax on Tuesday. Mr. Trudeau said the issue would come up in the campaign.",
         ("Mr. Trudeau", "Justin Trudeau")),
        ("Dr. Wei Li runs the clinic in Markham. Dr. Li said the waiting list had doubled.",
         ("Dr. Li", "Wei Li")),
        # ours: a first name alone is the person introduced with it
        ("Ollie Schniederjans finished second at the Wyndham. Ollie said he was grateful for the help.",
         ("Ollie", "Ollie Schniederjans")),
        # ours: a name in apposition to the mention
        ("Campbell's partner, Jason Louth, said most places will not print fewer than 1,000 copies.",
         ("Campbell's partner, Jason Louth", "Jason Louth")),
    ],
)
def test_speakers_by_full_name(nlp, text, expected_last):
    assert _speakers(nlp, text)[-1] == expected_last


@pytest.mark.parametrize(
    "text, expected_last",
    [
        # ours: a document speaks for whoever issued it, where the text says
        ("UFCW Local 832 sent a release to media late Friday. The release said most workers voted yes.",
         ("The release", "UFCW Local 832")),
        ("A release sent to media from UFCW Local 832 said most workers voted yes.",
         ("A release sent to media from UFCW Local 832", "UFCW Local 832")),
        # ours: and stays unresolved where it does not
        ("The lawsuit alleges that the league did too little to protect its players.", ("The lawsuit", None)),
        # ours: "the diocese" is the diocese named before
        ("Parents called the Roman Catholic Diocese of Covington on Monday. "
         "The diocese said a third-party investigation would look into the matter.",
         ("The diocese", "Roman Catholic Diocese of Covington")),
        # ours: a person named by an epithet is the person who spoke before
        ("Alfonso Espinos founded Studiocomix Press last year. Espinos said he prints anything by anyone. "
         "The affable proprietor said the minimum order is one copy.", ("The affable proprietor", "Alfonso Espinos")),
    ],
)
def test_speakers_organisations_documents_and_epithets(nlp, text, expected_last):
    assert _speakers(nlp, text)[-1] == expected_last


@pytest.mark.parametrize("text, expected_last", [
    # ours: "the agency" is the organisation just named, also where the tagger marked no mention there
    ("Metrolinx runs the trains in the region. The mayor said a study had been done by Metrolinx. "
     "The agency told reporters it has not done any such study.", ("The agency", "Metrolinx")),
    # ours: with no organisation named just before, nobody is guessed
    ("The company said profits would fall.", ("The company", None)),
    # ours: an outlet with a word before it stays as written
    ("The Kiev media said the talks had failed.", ("The Kiev media", None)),
])
def test_speaker_a_body_is_the_organisation_just_named(nlp, text, expected_last):
    assert _speakers(nlp, text)[-1] == expected_last


@pytest.mark.parametrize(
    "text, expected_last",
    [
        # ours: "she" skips a man who spoke later and takes the woman before him
        ("Laura Bennett said the clinic would stay open. Peter Hansen said nurses were leaving. "
         "She added that the budget had grown.", ("She", "Laura Bennett")),
        # ours: a name that does not tell the gender is never skipped
        ("Laura Bennett said the clinic would stay open. Jordan Webb said nurses were leaving. "
         "She added that the budget had grown.", ("She", "Jordan Webb")),
    ],
)
def test_speaker_pronouns_skip_people_of_the_other_gender(nlp, text, expected_last):
    assert _speakers(nlp, text)[-1] == expected_last


def test_speaker_a_name_the_parser_hung_elsewhere(nlp):
    # ours: "advocate" is taken for a verb with "Ana Silva" its object, so "told" has no subject;
    # the name right before the finite cue is its speaker
    text = "Regina city councillor and renters advocate Ana Silva told CBC News the rules favour the owner."
    doc = nlp(text)
    told = [q for q in extract_quotes(doc, extract_entities(doc)) if q.text.startswith("the rules favour")]
    assert told and told[0].speaker is not None and told[0].speaker.name == "Ana Silva"


def test_speaker_a_surname_the_tagger_typed_no_person(nlp):
    # ours: the tagger may type a lone surname as an organisation; it is still the person introduced
    # by full name before it, as a speaker and as the latest subject a pronoun looks back to
    from newsgraph.analyze.types import EntityRecord, MentionRecord

    text = ("Choreographer Marta Kessling returns with a new piece. Mark Webb runs the theatre. "
            "Kessling says the work grew out of a solo. \"I'm thankful for the invitation,\" she said.")
    doc = nlp(text)
    at = [i for i in range(len(text)) if text.startswith("Kessling", i)]
    entities = [EntityRecord("Marta Kessling", "PERSON", [MentionRecord(at[0] - 6, at[0] + 8, "Marta Kessling")]),
                EntityRecord("Mark Webb", "PERSON", [MentionRecord(text.index("Mark"), text.index("Mark") + 9, "Mark Webb")]),
                EntityRecord("Kessling", "ORG", [MentionRecord(at[1], at[1] + 8, "Kessling")])]
    names = [q.speaker.name if q.speaker else None for q in extract_quotes(doc, entities)]
    assert names[-2:] == ["Marta Kessling", "Marta Kessling"]


def test_speaker_a_zero_width_space_in_a_name(nlp):
    # ours: web text may carry a zero-width space after a name; the surname still finds its person
    text = ("Union president Jeff Carter said the vote was close. The owners said they respected it.\n\n"
            "Carter\u200b said he expects talks to begin in January.")
    assert _speakers(nlp, text)[-1][1] == "Jeff Carter"


def test_speaker_no_apposition_past_a_relative_clause(nlp):
    # ours: a name the parser hangs on the mention past its relative clause is no apposition of it
    # (the tagger may take a comic's title for a person: given here as one)
    from newsgraph.analyze.types import EntityRecord, MentionRecord

    text = ('"It is weeks and weeks of drawing pages and fixing errors," says the self-taught Guelph resident, '
            'who sold 30 copies of his gritty war comic Lost Patrol: The Iron Sergeant, inspired by the films '
            'Platoon and Full Metal Jacket.')
    doc = nlp(text)
    at = text.index("Iron Sergeant")
    quotes = extract_quotes(doc, [EntityRecord("Iron Sergeant", "PERSON", [MentionRecord(at, at + 13, "Iron Sergeant")])])
    assert quotes and quotes[0].speaker is not None and quotes[0].speaker.name != "Iron Sergeant"


@pytest.mark.parametrize("text, name", [
    # ours: two people who speak together are named both
    ("Store owners Tom Hale and Rita Moss said they respected the vote.", "Tom Hale and Rita Moss"),
    ("Tom Hale, a teacher, and Rita Moss, a nurse, met on Friday. Both Hale and Moss said they were "
     "trying to keep the peace.", "Tom Hale and Rita Moss"),
])
def test_speaker_two_people_together(nlp, text, name):
    assert _speakers(nlp, text)[-1][1] == name


def test_speaker_they_are_the_people_who_spoke_together(nlp):
    # ours: "they" after two owners spoke is the two owners, not the union that spoke before them;
    # a later "he" is still the man who spoke alone
    text = ("The union's president, Mark Tellier, said the vote was a win. In a statement, owners Tom Hale "
            "and Rita Moss said they respected the outcome. \"We want a healthy workplace,\" they said. "
            "Tellier said talks would start soon. He said the first meeting is in March.")
    names = [s[1] if s else None for s in _speakers(nlp, text)]
    assert names[-3:] == ["Tom Hale and Rita Moss", "Mark Tellier", "Mark Tellier"]


def test_speaker_a_party_epithet_is_the_latest_person(nlp):
    # ours: "the Ohio Republican" is a member of the party, named just before
    text = ("Senator Rob Porter met the governor on Monday. \"We have a deal on the budget,\" "
            "the Ohio Republican said.")
    assert _speakers(nlp, text)[-1][1] == "Rob Porter"


@pytest.mark.parametrize("text, expected_last", [
    # ours: someone unnamed merely mentioned with the role ("opened by a young chef") does not hold it:
    # "the lanky chef" is the person the story is about
    ("The bakery was opened by a young chef in 2009. Maria Kovac now runs it with her brother. "
     "“We never turn anyone away,” the lanky chef said.", ("the lanky chef", "Maria Kovac")),
    # ours: a description in apposition to a name is that name's person
    ("The title went to Ana Ferreira on Saturday. The crowd cheered for Ferreira, the veteran striker "
     "who calls herself “the old lady of the team.”", ("the veteran striker", "Ana Ferreira")),
    # ours: a first name the tagger marked as no one is still the name the text gives
    ("Tracy took Zaineb aside after dinner. “I came here to win,” said Zaineb.", ("Zaineb", "Zaineb")),
    # ours: a name after a speech verb that has no subject ("insists Nolan Pryce") is the one in focus
    ("Mark Webb sells the comics. There is a real joy, insists 16-year-old Nolan Pryce, in seeing a comic "
     "through to the end. “It takes months of drawing and fixing mistakes,” says the self-taught Guelph resident.",
     ("the self-taught Guelph resident", "Nolan Pryce")),
    # ours: a name made the subject by its relative clause ("X, who moved ...") is in focus
    ("I’m talking about Lucia Marquez, who moved to Toronto from Chile in 2004. “We print everything anyone "
     "brings us,” says the 41-year-old founder of Inkwell Books.",
     ("the 41-year-old founder of Inkwell Books", "Lucia Marquez")),
])
def test_speaker_epithets_appositions_and_unmarked_names(nlp, text, expected_last):
    assert _speakers(nlp, text)[-1] == expected_last


def test_speaker_a_role_named_only_after_it(nlp):
    # ours: "the league commissioner" is the one person the text then names with that role,
    # not Jim Carter who was the subject before
    text = ("Jim Carter filed the suit in March. Asked for comment, the league commissioner said the league "
            "had not been served. “We will review it,” league commissioner Dana Whitfield said Friday.")
    speakers = [s for s in _speakers(nlp, text) if s]
    assert ("the league commissioner", "Dana Whitfield") in speakers


def test_speaker_pronoun_skips_a_name_the_tagger_also_typed_an_organisation(nlp):
    # ours: a school the tagger took for a person in one place and an organisation in another is no
    # one "she" can mean
    from newsgraph.analyze.types import EntityRecord, MentionRecord

    text = ("Hannah Price graduated from Lakeside Catholic in 2012. She said Lakeside Catholic has a culture "
            "of entitlement. “I saw it every day,” she said.")
    doc = nlp(text)
    school = [i for i in range(len(text)) if text.startswith("Lakeside Catholic", i)]
    entities = [EntityRecord("Hannah Price", "PERSON", [MentionRecord(0, 12, "Hannah Price")]),
                EntityRecord("Lakeside Catholic", "ORG", [MentionRecord(school[0], school[0] + 17, "Lakeside Catholic")]),
                EntityRecord("Lakeside Catholic", "PERSON", [MentionRecord(school[1], school[1] + 17, "Lakeside Catholic")])]
    names = [q.speaker.name if q.speaker else None for q in extract_quotes(doc, entities)]
    assert names[-1] == "Hannah Price"


def test_speaker_a_name_the_tagger_cut_before_its_number(nlp):
    # ours: the tagger may stop a union local's name before its number; the speaker is named in full
    from newsgraph.analyze.types import EntityRecord, MentionRecord

    text = "A release from Unifor Local 444 said the members voted to strike."
    doc = nlp(text)
    at = text.index("Unifor")
    quotes = extract_quotes(doc, [EntityRecord("Unifor Local", "ORG", [MentionRecord(at, at + 12, "Unifor Local")])])
    assert quotes and quotes[-1].speaker is not None and quotes[-1].speaker.name == "Unifor Local 444"


@pytest.mark.parametrize("text, expected", [
    # ours: a quotation with no cue after a sentence about another person is that person's
    ("Choreographer Maria Kessler first made the piece in 2016. “I always felt it deserved to be longer,” says "
     "Christopher Hale. “It is a thrill to come back to an idea and go deeper.” Kessler did not need much "
     "coaxing. “I am grateful for the invitation and for the chance to explore it again.”",
     ["Christopher Hale", "Christopher Hale", "Maria Kessler"]),
    # ours: with no one else in between, the quotation goes on in the same speaker's voice
    ("“I always felt it deserved to be longer,” says Christopher Hale. “It is a thrill to come back to an idea "
     "and go deeper. We have seven dancers now and a bigger stage.”",
     ["Christopher Hale", "Christopher Hale", "Christopher Hale"]),
])
def test_speaker_of_a_quotation_with_no_cue(nlp, text, expected):
    assert [s[1] if s else None for s in _speakers(nlp, text)] == expected


def test_speaker_a_union_local_keeps_its_number_in_later_mentions(nlp):
    # ours: the tagger may stop the name before its number; the union's later release is named in full too
    from newsgraph.analyze.types import EntityRecord, MentionRecord

    text = ("A release sent to media from UFCW Local 832 said most workers voted yes. Workers at a second cafe "
            "voted on Thursday. The UFCW will represent all cooks and servers, according to the union's release.")
    doc = nlp(text)
    at = text.index("UFCW Local")
    quotes = extract_quotes(doc, [EntityRecord("UFCW Local", "ORG", [MentionRecord(at, at + 10, "UFCW Local")])])
    assert [q.speaker.name if q.speaker else None for q in quotes] == ["UFCW Local 832", "UFCW Local 832"]


def test_speaker_pronoun_passes_over_a_speaker_in_a_concessive_clause(nlp):
    # ours: "Although Dana Ross has said ..." is background; the later "he said" is the spokesman
    text = ("College spokesman Tom Beale said the school received about 3,000 votes. Although Premier Dana Ross "
            "has repeatedly said that the list is unfair, its choices should not be read as political. Rather, "
            "voters were simply tired of the words, he said.")
    assert _speakers(nlp, text)[-1] == ("he", "Tom Beale")


@pytest.mark.parametrize("text, expected_last", [
    # ours: a person named by sex, age or kin with "the" is the latest person of that gender
    ("Sarah Lee was at the arena on Friday night. “It was terrifying,” the mother of three said.",
     ("the mother of three", "Sarah Lee")),
    # ours: an age for a person, however the parser hangs "the"
    ("Sarah Lee was at the arena on Friday night. “It was terrifying,” the 34-year-old said.",
     ("34-year-old", "Sarah Lee")),
    ("Sarah Lee was at the arena on Friday night. “It was terrifying,” said the 34-year-old.",
     ("the 34-year-old", "Sarah Lee")),
    # ours: ... but not with a possessor: "his father" is someone else, unnamed
    ("Luc LeBlanc, 19, died in the crash. His father said the family was devastated.", ("His father", None)),
    # ours: ... nor where the noun was given to someone unnamed before
    ("Police found a woman near the bridge. Sarah Lee called 911. The woman said she had been walking home.",
     ("The woman", None)),
    # ours: sport positions and short titles of elected members are roles
    ("Connor Walsh scored twice on Saturday. “We needed that one,” said the 22-year-old Oilers captain.",
     ("the 22-year-old Oilers captain", "Connor Walsh")),
    ("Karen Holt was elected in 2015. “I will run again,” the Ottawa-area MP told reporters.",
     ("the Ottawa-area MP", "Karen Holt")),
])
def test_speaker_people_by_kin_age_or_position(nlp, text, expected_last):
    assert _speakers(nlp, text)[-1] == expected_last


def test_speaker_after_a_verb_that_follows_its_quotation(nlp):
    # ours: the parser takes the speaker after "points out" for its object; it is the speaker,
    # and no content of a proposal of the learned model
    doc = nlp("Superheroes are the tip of the iceberg for Alfonso Espinos. “You’re talking about one genre "
              "only,” points out the laid-back Cambridge resident, who moved to Canada 15 years ago.")
    quotes = extract_quotes(doc, extract_entities(doc))
    assert [q.text for q in quotes] == ["You’re talking about one genre only,"]
    assert quotes[0].speaker is not None and quotes[0].speaker.text.startswith("the laid-back Cambridge resident")


def test_speaker_an_office_named_across_a_run_of_spaces_is_named_on_one_line(nlp):
    # ours: the office's name is read off the text as written, with its spaces made single
    assert _speakers(nlp, "The Prime  Minister's office said the visit was off.")[-1] == \
        ("The Prime  Minister's office", "Prime Minister's office")


@pytest.mark.parametrize("text, name", [
    # ours: a headline's surname the story names in full only after it (tagged a name, or a common word)
    ("Halvorsen: The Budget Is A Disgrace.\n\nSenator Ingrid Halvorsen said on Monday that the budget was a "
     "disgrace.", "Ingrid Halvorsen"),
    ("Trump: Rubio Has A Long Way To Go On Trade.\n\nDonald Trump said on Friday that Marco Rubio was weak "
     "on trade.", "Donald Trump"),
])
def test_speaker_a_headline_surname_is_the_person_named_in_full_later(nlp, text, name):
    assert _speakers(nlp, text)[0][1] == name


def test_speaker_a_pronoun_means_the_person_a_sentence_opens_on_with_for(nlp):
    # ours: "For X, ..." makes X what the sentence is about, as a subject would
    text = ("Greta Lindqvist said the town had changed. For Amira Haddad, Friday is a day she has long "
            "awaited. “I am ready for the verdict,” she said.")
    assert _speakers(nlp, text)[-1] == ("she", "Amira Haddad")


@pytest.mark.parametrize("text, name", [
    # ours: the staff or members of a body named before by the common noun before them speak for it
    ("The Harbour Authority of Halifax met on Monday. Authority staff said the pier would stay closed.",
     "Harbour Authority of Halifax staff"),
    ("The Ethics Board of Manitoba ruled on Friday. Board members also noted that the fine was small.",
     "Ethics Board of Manitoba members"),
    # but not a body of another kind, nor one whose name merely holds the word
    ("The Republican Party met on Monday. Democratic party officials said the rules were unfair.", None),
    ("The National Labor Relations Board ruled on Friday. After that, labor officials said the ruling was late.", None),
])
def test_speaker_staff_or_members_of_a_body_named_before(nlp, text, name):
    assert _speakers(nlp, text)[-1][1] == name


def test_speaker_a_body_s_document_in_a_sentence_parsed_around_a_noun(nlp):
    # ours: with "said" hung under "allowing", the parser takes "his transfer" for its subject; the
    # decision said it, and the decision is the board's, as is the "it" that goes on
    text = ("The Review Board of Ontario met in May. The review board decision allowing his transfer said he "
            "was not considered a risk. It also said he had behaved well.")
    assert _speakers(nlp, text)[-2:] == [("The review board decision", "Review Board of Ontario"),
                                         ("It", "Review Board of Ontario")]


def test_a_described_role_speaks_for_the_person_titled_so(nlp):
    # ours: two senators were titled; "the Ohio senator" is the one whose titles say Ohio
    text = ("Ohio Sen. Dana Reyes toured a steel mill. Florida Sen. Tom Hale toured a port. "
            "The Ohio senator said the tariff would cost jobs.")
    assert _speakers(nlp, text)[-1] == ("The Ohio senator", "Dana Reyes")
