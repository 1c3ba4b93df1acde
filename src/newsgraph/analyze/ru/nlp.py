"""The Russian pipeline: natasha's models, loaded once per process, turning text into a spaCy Doc.

natasha (Slovnet morphology, syntax and NER over Navec embeddings, razdel segmentation,
pymorphy2 lemmas) does the reading; its output is written into a spaCy ``Doc`` (words,
spaces, lemmas, UD part-of-speech and features, dependency heads and labels, named-entity
spans PER/LOC/ORG), so the Russian stages walk a parse with the same API as the English
ones and ``doc.text`` is the article text exactly (offsets index it).

Sentences never run across a line break (as in English, ``sentences.py``): the text is
split into lines first, each line into sentences by razdel. Everything ships inside the
installed packages; nothing is downloaded.

Limits: Slovnet's parse is UD-style and trained on news; the NER knows PER, LOC and ORG
only, flat (no name inside another).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata

from ...errors import ConfigError
from ...morph_ru import dictionary_path, fix_pymorphy2
from ...once import once_per_process

__all__ = ["RussianNLP", "load_ru", "models_description"]

_PACKAGES = ("natasha", "slovnet", "navec", "razdel", "pymorphy2", "pymorphy2-dicts-ru")


def models_description() -> str:
    """The packages that make the Russian analysis, with their versions."""
    parts = []
    for name in _PACKAGES:
        try:
            parts.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{name} ?")
    return "natasha news models (NewsEmbedding, NewsMorphTagger, NewsSyntaxParser, NewsNERTagger); " + ", ".join(parts)


@dataclass
class _Token:
    """A natasha token carried to the spaCy Doc."""

    start: int
    stop: int
    text: str
    pos: str = "X"
    feats: dict | None = None
    head: int = -1  # absolute index of the head, -1 for a root
    rel: str = "dep"


class RussianNLP:
    """Text in, spaCy Doc out; ``morph`` (natasha's MorphVocab) is exposed for normal forms."""

    def __init__(self) -> None:
        try:
            import spacy
            from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter
            from natasha.morph.vocab import MorphForm, MorphVocab
            from pymorphy2.analyzer import MorphAnalyzer
        except ImportError as exc:
            raise ConfigError(f"the Russian analysis needs natasha: install the pinned set with "
                              f"'pip install -r requirements.lock' ({exc})") from exc
        fix_pymorphy2()

        class _Vocab(MorphVocab):
            # natasha's MorphVocab finds its dictionary through pkg_resources (setuptools),
            # which a plain venv lacks: give pymorphy2 the dictionary's path instead.
            def __init__(self) -> None:
                MorphAnalyzer.__init__(self, path=dictionary_path(), result_type=MorphForm)

        self.segmenter = Segmenter()
        self.morph = _Vocab()
        embedding = NewsEmbedding()
        self.morph_tagger = NewsMorphTagger(embedding)
        self.syntax_parser = NewsSyntaxParser(embedding)
        self.ner_tagger = NewsNERTagger(embedding)
        self.vocab = spacy.blank("ru").vocab
        # Slovnet multiplies small matrices (a batch of 8 sentences): BLAS threads only contend
        # for the cores (eight times slower on a busy two-core machine), so they run on one.
        from threadpoolctl import ThreadpoolController

        self._blas = ThreadpoolController()
        self.description = models_description()

    def __call__(self, text: str):
        with self._blas.limit(limits=1, user_api="blas"):
            return self._parse(text)

    def _parse(self, text: str):
        from natasha import Doc as NatashaDoc
        from natasha.doc import DocSent, DocToken

        ndoc = NatashaDoc(text)
        ndoc.tokens = [DocToken(t.start, t.stop, t.text) for t in self.segmenter.tokenize(text)]
        ndoc.sents = [DocSent(start, stop, text[start:stop]) for start, stop in self._sentences(text)]
        ndoc.envelop_sent_tokens()
        ndoc.sents = [s for s in ndoc.sents if s.tokens]
        if ndoc.sents:
            ndoc.tag_morph(self.morph_tagger)
            ndoc.parse_syntax(self.syntax_parser)
            ndoc.tag_ner(self.ner_tagger)
        return self._to_spacy(text, ndoc)

    def pipe(self, texts):
        for text in texts:
            yield self(text)

    def _sentences(self, text: str) -> list[tuple[int, int]]:
        """Sentence spans: razdel's sentences within each line."""
        from razdel import sentenize

        spans = []
        offset = 0
        for line in text.split("\n"):
            if line.strip():
                spans.extend((offset + s.start, offset + s.stop) for s in sentenize(line))
            offset += len(line) + 1
        return spans

    def _tokens(self, ndoc) -> list[_Token]:
        tokens: list[_Token] = []
        for sent in ndoc.sents:
            base = len(tokens)
            index = {t.id: base + i for i, t in enumerate(sent.tokens)}
            for i, t in enumerate(sent.tokens):
                head = index.get(t.head_id, -1)
                if head == base + i:  # Slovnet sometimes marks a root by a loop onto itself
                    head = -1
                tokens.append(_Token(t.start, t.stop, t.text, t.pos or "X", t.feats or {}, head, t.rel or "dep"))
            _one_tree(tokens, base)
        return tokens

    def _to_spacy(self, text: str, ndoc):
        """The natasha analysis as a spaCy Doc over exactly ``text``; whitespace runs become tokens."""
        from spacy.tokens import Doc

        tokens = self._tokens(ndoc) if ndoc.sents else []
        words, spaces, positions = [], [], []  # positions: Doc index of each natasha token
        cursor = 0
        for t in tokens:
            self._gap(text[cursor:t.start], words, spaces)
            positions.append(len(words))
            words.append(text[t.start:t.stop])
            spaces.append(False)
            cursor = t.stop
        self._gap(text[cursor:], words, spaces)
        if not words:
            return Doc(self.vocab, words=[], spaces=[])
        heads = list(range(len(words)))
        deps = ["dep"] * len(words)
        pos = ["SPACE"] * len(words)
        morphs = [""] * len(words)
        lemmas = list(words)
        for t, at in zip(tokens, positions):
            heads[at] = positions[t.head] if t.head >= 0 else at
            deps[at] = t.rel
            pos[at] = t.pos if t.pos in _UPOS else "X"
            morphs[at] = "|".join(f"{k}={v}" for k, v in sorted((t.feats or {}).items()))
            lemmas[at] = self._lemma(t)
        last = None
        for i, word in enumerate(words):  # whitespace hangs on the token before it (or after it, at the start)
            if pos[i] == "SPACE":
                heads[i] = last if last is not None else next((p for p in positions), i)
            else:
                last = i
        doc = Doc(self.vocab, words=words, spaces=spaces, pos=pos, morphs=morphs, lemmas=lemmas,
                  heads=heads, deps=deps)
        doc.ents = self._entities(doc, ndoc)
        return doc

    @staticmethod
    def _gap(gap: str, words: list, spaces: list) -> None:
        if not gap:
            return
        if gap.startswith(" ") and words and not spaces[-1]:
            spaces[-1] = True
            gap = gap[1:]
        if gap:
            words.append(gap)
            spaces.append(False)

    def _lemma(self, t: _Token) -> str:
        if t.pos in ("PUNCT", "NUM", "SYM", "X") or not any(ch.isalpha() for ch in t.text):
            return t.text
        return self.morph.lemmatize(t.text, t.pos, t.feats or {})

    @staticmethod
    def _entities(doc, ndoc) -> list:
        spans = []
        for s in ndoc.spans or []:
            span = doc.char_span(s.start, s.stop, label=s.type, alignment_mode="expand")
            if span is not None and (not spans or span.start >= spans[-1].end):
                spans.append(span)
        return spans


def _one_tree(tokens: list[_Token], base: int) -> None:
    """Make the sentence ``tokens[base:]`` one tree, as spaCy needs: Slovnet's heads may form a
    cycle or several roots. A cycle is cut at its first token; every root but the first
    hangs on the first as ``parataxis``."""
    span = range(base, len(tokens))
    for i in span:
        seen = set()
        j = i
        while tokens[j].head >= 0 and j not in seen:
            seen.add(j)
            j = tokens[j].head
        if tokens[j].head >= 0:  # came back to a token seen: a cycle; cut it there
            tokens[j].head = -1
    roots = [i for i in span if tokens[i].head < 0]
    for i in roots[1:]:
        tokens[i].head, tokens[i].rel = roots[0], "parataxis"
    if roots:
        tokens[roots[0]].rel = "ROOT"


_UPOS = frozenset({"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
                   "PUNCT", "SCONJ", "SYM", "VERB", "X"})


@once_per_process
def load_ru() -> RussianNLP:
    """The Russian pipeline, loaded once per process (about a second)."""
    return RussianNLP()
