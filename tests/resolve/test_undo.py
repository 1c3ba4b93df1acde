"""Undoing corrections: newest first, and every row the correction touched back as it was."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from newsgraph.errors import CorrectionError
from newsgraph.resolve.corrections import (add_alias, export_corrections, import_corrections, merge,
                                           split)
from newsgraph.resolve.keys import alias_key
from newsgraph.resolve.undo import describe, undo_last
from newsgraph.store import Store
from newsgraph.store.graph import Graph
from newsgraph.store.schema import (entities, entity_aliases, entity_corrections, event_participants, event_reports,
                                    events, mentions, quotes)
from resolve_records import event, record, store_record

# Ours: a think-tank under its full name and its initials, reporting on naval drills.
RUSI_FULL = ("Royal United Services Institute", "ORG", ["Royal United Services Institute", "the institute"],
             {"wikidata": "Q1419640"})
RUSI_SHORT = ("RUSI", "ORG", ["RUSI", "the institute"], {"grid": "grid.426467"})
RUSSIA = ("Russia", "GPE", ["Russia"], {"iso3166": "RU"})
DRILLS_A = "The Royal United Services Institute said Russia held drills in the Baltic; the institute called them routine."
DRILLS_B = "RUSI accused Russia of staging the largest drills in years, the institute said on Friday."
DRILLS_C = "The Royal United Services Institute and RUSI researchers both accused Russia of provocation."
_SAID = "staging the largest drills in years"
QUOTE_B = {"kind": "indirect", "start": DRILLS_B.index(_SAID), "end": DRILLS_B.index(_SAID) + len(_SAID), "text": _SAID,
           "cue": {"start": 5, "end": 12, "text": "accused"},
           "speaker": {"start": 0, "end": 4, "text": "RUSI", "entity": "e1", "name": "RUSI"}}
# Ours: a capital written two ways, the place of a shelling.
KYIV = ("Kyiv", "GPE", ["Kyiv"], {"geonames": "703448"})
KIEV = ("Kiev", "GPE", ["Kiev"], {"wikidata": "Q1899"})
SHELL_A = "Russian forces shelled Kyiv overnight, Ukraine's air force said."
SHELL_B = "Ukraine said Russia shelled Kiev overnight, hitting a power station."
SMITH = "John Smith, the mayor of Leeds, and Smith, a local builder, said they disagreed about the bypass."
SMITH_LATER = "Smith, the builder, said on Monday the bypass would ruin the valley."


def _state(store: Store) -> dict:
    """Every row a correction may touch, in a comparable form."""
    tables = {"entities": select(entities), "aliases": select(entity_aliases),
              "mentions": select(mentions.c.id, mentions.c.entity_id),
              "quotes": select(quotes.c.id, quotes.c.speaker_entity_id),
              "reports": select(event_reports.c.id, event_reports.c.place_entity_id,
                                event_reports.c.attributed_entity_id),
              "events": select(events.c.id, events.c.place_entity_id), "participants": select(event_participants)}
    with store.engine.connect() as conn:
        return {name: sorted((tuple(r) for r in conn.execute(q)), key=repr) for name, q in tables.items()}


def _do(store: Store, action):
    with store.writer() as writer:
        return action(Graph(writer.conn))


def _entity_named(store: Store, name: str) -> list[int]:
    with store.engine.connect() as conn:
        return [r[0] for r in conn.execute(select(entities.c.id).where(entities.c.name == name))]


def _drills(store: Store) -> None:
    a = event("ACCUSE", ["e1"], ["e2"], "2025-03-07")
    store_record(store, record(DRILLS_A, [RUSI_FULL, RUSSIA], "2025-03-07", [event("MILITARY", ["e2"], [], "2025-03-06")]))
    b = dict(a, attributed_to="e1", attributed_text="RUSI")
    store_record(store, record(DRILLS_B, [RUSI_SHORT, RUSSIA], "2025-03-07", [b], quotes=[QUOTE_B]))
    c = event("ACCUSE", ["e1", "e2"], ["e3"], "2025-03-07")
    names = [(RUSI_FULL[0], "ORG", [RUSI_FULL[0]]), ("RUSI", "ORG", ["RUSI"]), RUSSIA]
    store_record(store, record(DRILLS_C, names, "2025-03-07", [c]))


def test_undo_merge_restores_every_row(store_url):
    with Store(store_url) as store:
        _drills(store)
        before = _state(store)
        # The fixture does what the test is about: a shared report and role, a shared alias key.
        full, short = _entity_named(store, "Royal United Services Institute")[0], _entity_named(store, "RUSI")[0]
        shared = {(r[0], r[2]) for r in before["participants"] if r[1] == full} & \
                 {(r[0], r[2]) for r in before["participants"] if r[1] == short}
        assert shared
        keys = lambda e: {r[3] for r in before["aliases"] if r[1] == e}  # noqa: E731
        assert alias_key("the institute") in keys(full) & keys(short)
        assert any(r[1] == short for r in before["quotes"]) and any(r[2] == short for r in before["reports"])
        kept = _do(store, lambda g: merge(g, "Royal United Services Institute", "RUSI"))
        after = _state(store)
        assert kept == full and _entity_named(store, "RUSI") == [] and after != before
        assert len(after["participants"]) == len(before["participants"]) - len(shared)
        undone = _do(store, undo_last)
        assert undone["action"] == "merge"
        assert describe(undone) == f"merge: RUSI into Royal United Services Institute (#{full})"
        assert _state(store) == before
        assert _do(store, lambda g: g.corrections()) == []


def test_undo_merge_of_places_restores_event_places_and_ids(store_url):
    with Store(store_url) as store:
        store_record(store, record(SHELL_A, [KYIV, ("Ukraine", "GPE", ["Ukraine"], {"iso3166": "UA"})], "2025-05-02",
                                   [dict(event("ATTACK", [], ["e1"], "2025-05-01"), place="e1")]))
        store_record(store, record(SHELL_B, [KIEV, ("Ukraine", "GPE", ["Ukraine"], {"iso3166": "UA"})], "2025-06-12",
                                   [dict(event("ATTACK", [], ["e1"], "2025-06-11"), place="e1")]))
        before = _state(store)
        kiev = _entity_named(store, "Kiev")[0]
        assert any(r[1] == kiev for r in before["events"]) and any(r[1] == kiev for r in before["reports"])
        _do(store, lambda g: merge(g, "Kyiv", "Kiev"))
        assert _do(store, lambda g: g.entity(_entity_named(store, "Kyiv")[0]).ids) == {"geonames": "703448",
                                                                                        "wikidata": "Q1899"}
        _do(store, undo_last)
        assert _state(store) == before


def test_undo_split_restores_and_takes_back_later_mentions(store_url):
    with Store(store_url) as store:
        store_record(store, record(SMITH, [("John Smith", "PERSON", ["John Smith", "Smith"])]))
        before = _state(store)
        new_id = _do(store, lambda g: split(g, "John Smith", "Smith"))
        assert new_id not in [r[0] for r in before["entities"]]
        _do(store, undo_last)
        assert _state(store) == before
        # Split again; an article ingested since sends its "Smith" to the new entity, and undo takes it back.
        new_id = _do(store, lambda g: split(g, "John Smith", "Smith"))
        later = store_record(store, record(SMITH_LATER, [("Smith", "PERSON", ["Smith"])]))
        with store.engine.connect() as conn:
            assert conn.execute(select(mentions.c.entity_id).where(mentions.c.article_id == later)).scalar_one() == new_id
        _do(store, undo_last)
        john = _entity_named(store, "John Smith")[0]
        with store.engine.connect() as conn:
            assert conn.execute(select(mentions.c.entity_id).where(mentions.c.article_id == later)).scalar_one() == john
        assert _entity_named(store, "Smith") == []
        state = _state(store)
        smith = alias_key("Smith")
        assert [r for r in state["aliases"] if r[3] == smith] == [r for r in before["aliases"] if r[3] == smith]


def test_undo_alias_restores_demoted_user_aliases_twice_in_a_row(store_url):
    with Store(store_url) as store:
        _drills(store)
        start = _state(store)
        _do(store, lambda g: add_alias(g, "the institute", "RUSI"))  # RUSI's row becomes "user"
        middle = _state(store)
        _do(store, lambda g: add_alias(g, "the institute", "Royal United Services Institute"))
        origins = {(r[1], r[4]) for r in _state(store)["aliases"] if r[3] == alias_key("the institute")}
        assert {o for _, o in origins} == {"user", "analysis"} and origins != {(r[1], r[4]) for r in middle["aliases"]
                                                                               if r[3] == alias_key("the institute")}
        _do(store, undo_last)
        assert _state(store) == middle
        _do(store, undo_last)
        assert _state(store) == start
        with pytest.raises(CorrectionError, match="nothing to undo"):
            _do(store, undo_last)


def test_undo_alias_deletes_the_entity_it_created_unless_linked(store_url):
    with Store(store_url) as store:
        _drills(store)
        before = _state(store)
        created = _do(store, lambda g: add_alias(g, "Whitehall", "Ministry of Defence", "organisation"))
        assert created not in [r[0] for r in before["entities"]]
        _do(store, undo_last)
        assert _state(store) == before
        # Once an article names it, the entity stays; only the alias goes.
        created = _do(store, lambda g: add_alias(g, "Whitehall", "Ministry of Defence", "organisation"))
        store_record(store, record("The Ministry of Defence said two frigates shadowed the ships.",
                                   [("Ministry of Defence", "ORG", ["Ministry of Defence"])]))
        _do(store, undo_last)
        assert _entity_named(store, "Ministry of Defence") == [created]
        with store.engine.connect() as conn:
            assert conn.execute(select(entity_aliases.c.id).where(entity_aliases.c.alias_key == alias_key("Whitehall"))).all() == []


def test_undo_imported_corrections_and_refuse_old_ones(store_url, tmp_path):
    exported = tmp_path / "corrections.jsonl"
    with Store(f"sqlite:///{tmp_path / 'first.db'}") as first:
        _drills(first)
        _do(first, lambda g: merge(g, "Royal United Services Institute", "RUSI"))
        _do(first, lambda g: add_alias(g, "Whitehall", "Ministry of Defence", "organisation"))
        assert _do(first, lambda g: export_corrections(g, exported)) == 2
    assert '"undo"' not in exported.read_text(encoding="utf-8")
    with Store(store_url) as store:
        _drills(store)
        before = _state(store)
        assert _do(store, lambda g: import_corrections(g, exported)) == 2
        assert _entity_named(store, "RUSI") == []
        _do(store, undo_last)
        _do(store, undo_last)
        assert _state(store) == before
        # A correction logged by an older newsgraph has no undo data: refused, nothing changed.
        _do(store, lambda g: g.log_correction("merge", {"keep": "Royal United Services Institute", "gone": "RUSI"}))
        with pytest.raises(CorrectionError, match="cannot be undone exactly"):
            _do(store, undo_last)
        assert _state(store) == before and len(_do(store, lambda g: g.corrections())) == 1


def test_undo_refused_when_the_removed_id_was_reused(sqlite_url):
    with Store(sqlite_url) as store:
        _drills(store)
        _do(store, lambda g: merge(g, "Royal United Services Institute", "RUSI"))  # RUSI had the highest id
        gone = max(r[0] for r in _state(store)["entities"]) + 1
        store_record(store, record("The Ministry of Defence said two frigates shadowed the ships.",
                                   [("Ministry of Defence", "ORG", ["Ministry of Defence"])]))
        if _entity_named(store, "Ministry of Defence") != [gone]:
            pytest.skip("this SQLite build did not reuse the id")
        before = _state(store)
        with pytest.raises(CorrectionError, match="that id belongs to another entity"):
            _do(store, undo_last)
        assert _state(store) == before
        with store.engine.connect() as conn:
            assert len(conn.execute(select(entity_corrections.c.id)).all()) == 1
