"""Who a Russian quote's speaker is: a name, a pronoun, a surname or a role noun, resolved.

- A name: the entity whose mention holds the speaker's head, or the first person named in its
  phrase or an apposition, in the head's case ("президент Украины Владимир Зеленский":
  Zelensky, not Ukraine; "военный эксперт, историк войск ПВО Юрий Кнутов"; "по словам главы
  Минфина Антона Силуанова"), not past a comma into a new clause; a lone surname is its
  person already (``entities.py`` folds it); an office of ``ru/speaker_office_nouns.txt``
  speaks for its owner ("канцелярия Стармера": Starmer), a capital acting for its state.
- A pronoun of ``lexicons/ru/quote_pronouns.tsv`` ("он", "она", "по его словам"): the nearest
  person of its gender named in its sentence or the one before, else the last speaker of its
  gender, else the nearest person of its gender named before it.
- A role noun of ``lexicons/ru/role_nouns.txt`` ("эксперт", "аналитик", "собеседник «НГ»"),
  or any animate singular common noun ("скульптор"): the person named beside the same noun
  earlier ("скульптор Георгий Франгулян"), else the last person quoted, else the last named.
- No subject at all ("Также отметил, что ...", "«...», – добавила."): the verb is read as
  "он"/"она" by its gender, only as far as its sentence, the one before, or the last speaker
  of this paragraph or the one before; not when a nominative noun stands before the verb in
  its clause (a subject the parse lost).
- Agreement: a past-tense verb's gender rules out people of the other ("Помощник Хиллари
  Клинтон ... заявил" is not Clinton; "Министр заявила" is a woman); a plural speaker ("они",
  "эксперты", "представители Роскосмоса", "оба претендента") is never one person: an
  organisation or state named in its phrase, else unresolved.
Limits: no coreference beyond these; a role noun never names someone who was not named
before it ("источник" stays unresolved unless a person was quoted before).
"""

from __future__ import annotations

from functools import lru_cache

from ..lexicons import table, words
from ..types import EntityRecord, SpeakerRecord

__all__ = ["Speakers"]


@lru_cache(maxsize=1)
def _pronouns() -> dict[str, tuple[str, str]]:
    return {row[0]: (row[1], row[2]) for row in table("ru", "quote_pronouns")}


def _person_noun(token) -> bool:
    """A common noun naming one person ("скульптор", "протоиерей"): animate and singular."""
    return token.pos_ == "NOUN" and "Anim" in token.morph.get("Animacy") and "Sing" in token.morph.get("Number")


def _verb_gender(subject) -> str | None:
    """The gender of the past-tense verb whose subject is ``subject`` ("заявила": Fem), or None."""
    verb = subject.head
    if subject.dep_ not in ("nsubj", "nsubj:pass") or "Past" not in verb.morph.get("Tense"):
        return None
    genders = verb.morph.get("Gender")
    return genders[0] if len(genders) == 1 and "Sing" in verb.morph.get("Number") else None


_BOTH = frozenset({"оба", "обе"})


def _plural(token) -> bool:
    """A speaker that is several people: a plural noun ("эксперты", "представителей"), or "оба
    претендента" (a genitive singular after "оба")."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    return "Plur" in token.morph.get("Number") or any(c.lower_ in _BOTH for c in token.children)


_POSSESSIVE_OWNER = {"его": "он", "ее": "она", "её": "она", "их": "они"}  # "по его словам"


class Speakers:
    def __init__(self, doc, entities: list[EntityRecord]):
        self.doc = doc
        self.entities = entities
        self.by_char: dict[int, int] = {}
        for index, entity in enumerate(entities):
            for m in entity.mentions:  # "заверил Лондон": the state, as the mention's entity
                for c in range(m.start, m.end):
                    self.by_char.setdefault(c, index)
        self._genders: dict[int, str | None] = {}
        self.said: list[tuple[int, int]] = []  # (char offset, entity index) of resolved speakers so far

    def gender(self, index: int) -> str | None:
        """A person's grammatical gender, by vote over the words of their mentions and the
        past-tense verbs they are the subject of ("Бербок заявила": feminine)."""
        if index not in self._genders:
            self._genders[index] = self._gender(index)
        return self._genders[index]

    def _gender(self, index: int) -> str | None:
        votes: dict[str, int] = {}

        def vote(genders, weight: int) -> None:
            for g in genders:
                votes[g] = votes.get(g, 0) + weight

        for m in self.entities[index].mentions:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            for tok in span or ():
                vote(tok.morph.get("Gender"), 1)
                up = tok
                while up.dep_ in ("appos", "flat:name", "flat") and up.head.i != up.i:
                    up = up.head  # "глава МИД Анналена Бербок заявила": the subject is "глава"
                if up.dep_ == "nsubj" and "Past" in up.head.morph.get("Tense"):
                    vote(up.head.morph.get("Gender"), 3)
        return max(votes, key=votes.get) if votes else None

    def resolve(self, head, at: int, verb=None) -> SpeakerRecord | None:
        """The speaker whose head token is ``head``, for a quote at character ``at``; with no
        head, the one the subjectless ``verb`` goes on from ("«...», – добавил.")."""
        if head is None:
            return self._dropped(verb, at)
        start, end = self._extent(head)
        text = self.doc.text[start:end]
        index = self._named(head)
        lemma = _POSSESSIVE_OWNER.get(head.lower_, head.lemma_.lower())
        if index is None and lemma in words("ru", "speaker_office_nouns"):
            index = self._owner(head)  # "канцелярия Стармера" speaks for Starmer
        if index is None and lemma in _pronouns():
            index = self._antecedent(min(at, head.idx), *_pronouns()[lemma])
        elif index is None and _plural(head):  # "эксперты", "представители Роскосмоса": never one person
            index = self._owner(head, types=("ORG", "GPE"))
        elif index is None and (lemma in words("ru", "role_nouns") or _person_noun(head)):
            verb_gender = _verb_gender(head)  # "министр заявила": a woman

            def fits(i: int) -> bool:
                return verb_gender is None or self.gender(i) in (None, verb_gender)

            index = self._introduced_as(head, min(at, head.idx))
            if index is not None and not fits(index):
                index = None
            if index is None:
                index = self._last_person(min(at, head.idx), quoted_first=True, fits=fits)
        if index is not None:
            self.said.append((head.idx, index))
        return SpeakerRecord(start, end, text, index, self.entities[index].name if index is not None else None)

    def _dropped(self, verb, at: int) -> SpeakerRecord | None:
        """A finite active verb in the third person singular with no subject ("Также отметил, что
        ...", "«...», – добавила.") is read as "он"/"она" by its gender: the nearest fitting
        person named in its sentence or the one before, else the last fitting speaker of this
        paragraph or the one before."""
        if verb is None or "Fin" not in verb.morph.get("VerbForm") or "Sing" not in verb.morph.get("Number"):
            return None
        if "1" in verb.morph.get("Person") or "2" in verb.morph.get("Person") or verb.lemma_.endswith(("ся", "сь")):
            return None
        k = verb.i - 1
        while k >= verb.sent.start and not verb.doc[k].is_punct:
            tok = verb.doc[k]
            if tok.pos_ in ("NOUN", "PROPN", "PRON") and "Nom" in tok.morph.get("Case"):
                return None  # a subject the parse lost ("канцелярия правительства сообщает"), not a dropped one
            k -= 1
        gender = (verb.morph.get("Gender") or ["-"])[0]

        def fits(index: int) -> bool:
            return self.entities[index].type == "PERSON" and (gender == "-" or self.gender(index) in (None, gender))

        index = self._last_person(at, fits=fits, since=self._sentence_before(at))
        if index is None:
            index = next((i for pos, i in sorted(self.said, reverse=True)
                          if pos < at and fits(i) and self.doc.text.count("\n", pos, at) <= 2), None)
        if index is None:
            return None
        mention = next((m for m in reversed(self.entities[index].mentions) if m.start < at),
                       self.entities[index].mentions[0])
        self.said.append((verb.idx, index))
        return SpeakerRecord(mention.start, mention.end, mention.text, index, self.entities[index].name)

    def previous(self, at: int) -> int | None:
        """The entity of the last speaker before ``at``."""
        before = [i for pos, i in sorted(self.said) if pos < at]
        return before[-1] if before else None

    def _extent(self, head) -> tuple[int, int]:
        """The speaker phrase: its head's subtree up to the first comma, dash or clause."""
        tokens = [head]
        for tok in head.subtree:
            if tok.i <= head.i:
                continue
            if tok.is_punct and tok.text not in "«»\"" or tok.is_space or tok.dep_ in ("acl", "acl:relcl"):
                break
            tokens.append(tok)
        for tok in reversed([t for t in head.subtree if t.i < head.i]):
            if tok.is_punct and tok.text not in "«»\"" or tok.is_space:
                break
            tokens.insert(0, tok)
        tokens = [t for t in tokens if t.i - tokens[0].i < 40]
        last = max(tokens, key=lambda t: t.i)
        if last.text in "«„" and len(tokens) > 1:
            tokens.remove(last)
            last = max(tokens, key=lambda t: t.i)
        first = min(tokens, key=lambda t: t.i)
        return first.idx, last.idx + len(last.text)

    def _owner(self, head, types=("PERSON", "ORG", "GPE")) -> int | None:
        for child in head.children:
            index = self.by_char.get(child.idx)
            if child.dep_ == "nmod" and index is not None and self.entities[index].type in types:
                return index
        return None

    def _named(self, head) -> int | None:
        """The entity the speaker's head names, or the first person named later in its phrase, in
        the head's case ("писатель и журналист Виктор Шендерович", "по словам главы Минфина Антона
        Силуанова"; not "пресс-служба президента Виктора Януковича"). The phrase goes on past a
        comma only into the head's own apposition ("эксперт, историк войск ПВО Юрий Кнутов"; not
        "..., а вот британский премьер Кир Стармер"); a person whose gender the speaker's verb
        contradicts is not the speaker ("Помощник Хиллари Клинтон ... заявил")."""
        index = self.by_char.get(head.idx)
        if index is not None and self.entities[index].type in ("PERSON", "ORG", "GPE"):
            return index
        case = set(head.morph.get("Case")) or {"Nom"}
        if head.dep_ in ("nsubj", "nsubj:pass"):  # a subject is nominative, whatever its tag ("Экс-председатель")
            case = {"Nom"}
        elif case & {"Acc", "Gen"}:  # a person's accusative is their genitive ("цитирует министра Ивана Петрова")
            case = case | {"Acc", "Gen"}
        verb_gender = _verb_gender(head)
        subtree = {t.i for t in head.subtree}
        tokens = self.doc[head.i + 1:head.sent.end]
        for k, tok in enumerate(tokens):  # the phrase and its appositions
            if tok.text in "–—«»„“\"" and tok.text not in "«»" or tok.pos_ in ("VERB", "AUX") or tok.text in ".;:":
                break
            if tok.text == "," and (k + 1 >= len(tokens) or tokens[k + 1].i not in subtree
                                    or tokens[k + 1].pos_ in ("CCONJ", "SCONJ")):
                break
            index = self.by_char.get(tok.idx)
            if index is None or self.entities[index].type != "PERSON":
                continue
            tok_case = set(tok.morph.get("Case"))
            if case == {"Nom"} and tok_case - {"Nom"} or case != {"Nom"} and not tok_case & case:
                continue
            if verb_gender and self.gender(index) not in (None, verb_gender):
                continue
            if case != {"Nom"} and self._owner_named(head, tok, index):
                continue
            return index
        return None

    def _owner_named(self, head, tok, index: int) -> bool:
        """Whether the person at ``tok`` is the owner of a role noun between it and ``head``, as
        the text named them beside it before ("президента Виктора Януковича" after "президент
        Виктор Янукович")."""
        for noun in self.doc[head.i + 1:tok.i]:
            if noun.pos_ == "NOUN" and self._introduced_as(noun, noun.idx) == index:
                return True
        return False

    def _introduced_as(self, head, at: int) -> int | None:
        """The person the text named beside the same noun before: "протоиерей Всеволод Чаплин",
        "Юрий Кнутов, военный эксперт", "собеседник «НГ»" after "в беседе с «НГ» ... Кнутов"."""
        lemma = head.lemma_.lower()
        best = None
        for tok in self.doc:
            if tok.idx >= at:
                break
            if tok.lemma_.lower() != lemma or tok.i == head.i:
                continue
            sent = tok.sent
            window = self.doc[max(sent.start, tok.i - 6):min(sent.end, tok.i + 8)]
            near = [self.by_char.get(t.idx) for t in window if not t.is_punct]
            people = [i for i in near if i is not None and self.entities[i].type == "PERSON"]
            if people:
                best = people[0] if len(set(people)) == 1 else min(
                    people, key=lambda i: min(abs(m.start - tok.idx) for m in self.entities[i].mentions))
        return best

    def _antecedent(self, at: int, gender: str, number: str) -> int | None:
        """The person a pronoun stands for: the nearest fitting person named in its sentence or
        the one before, else the last fitting speaker, else the nearest fitting person before."""
        def fits(index: int) -> bool:
            if self.entities[index].type != "PERSON":
                return number == "Plur"
            if number == "Plur":  # "они": a group, an organisation or a state, never one person
                return False
            return gender == "-" or self.gender(index) in (None, gender)

        near = self._last_person(at, fits=fits, since=self._sentence_before(at))
        if near is not None:
            return near
        for pos, index in sorted(self.said, reverse=True):
            if pos < at and fits(index):
                return index
        return self._last_person(at, fits=fits)

    def _sentence_before(self, at: int) -> int:
        """The start of the sentence before the one holding ``at``."""
        starts = [s.start_char for s in self.doc.sents if s.start_char <= at]
        return starts[-2] if len(starts) >= 2 else 0

    def _last_person(self, at: int, quoted_first: bool = False, fits=None, since: int = -1) -> int | None:
        if quoted_first:
            people = [i for pos, i in sorted(self.said) if pos < at and self.entities[i].type == "PERSON"
                      and (fits is None or fits(i))]
            if people:
                return people[-1]
        best, best_pos = None, since - 1
        for index, entity in enumerate(self.entities):
            if entity.type != "PERSON" or (fits is not None and not fits(index)):
                continue
            for m in entity.mentions:
                if best_pos < m.start < at:
                    best, best_pos = index, m.start
        return best
