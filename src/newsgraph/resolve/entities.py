"""Corpus-wide entities: each analysed article's entities resolved to one ``entities`` row each.

For each entity of an analysis record, in order:
  1. a user alias (origin "user": an alias file, a split) of its name, of a compatible type;
  2. a gazetteer id (iso3166, geonames), kept as an alias keyed "=scheme:value";
  3. an exact folded alias (``keys.alias_key``) of its name, of a compatible type;
  3b. for organisations, the name without a legal suffix ("Apple Inc." -> "Apple");
  4. for persons, a strict fuzzy match among persons sharing its surname bucket (``people.py``);
  5. else a new entity. Its name, every surface form and its ids become aliases.
NOMINAL entities (event participants named by a phrase, "riot police") are no corpus
entities: they are left to ``events.py``, kept with their reports, never merged across articles.
A role phrase as a name or as an unresolved quote speaker ("the British Prime Minister")
resolves to the office holder at the article's date (``roles.py``). Each mention whose
surface form is a user alias of another entity goes there (so a split persists).
Cost: one alias look-up (IN over the article's keys) for the article, one insert per new
entity, one executemany for the new aliases, one for the mention links and one for the quote
links; nothing scans the corpus.
Idempotent: re-resolving an article finds the entities its first pass created.
Runs inside the store's write transaction, which processes take in turn (``store/db.py``), so
two writers meeting one new name at the same moment make one entity. Limits: a name never
seen with its type in a compatible type stays apart ("Georgia" the state vs the US state).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..store.graph import AliasHit, Graph
from ..store.rows import PHRASE_TYPE
from .keys import alias_key, base_key, compatible, corpus_type, id_key, surname_key
from .people import match_person
from .roles import holder

__all__ = ["resolve_entities", "entity_for_name"]

_ORGS = ("organisation", "media")


@dataclass
class _Local:
    key: str  # the record's entity id, "e3"
    name: str
    label: str
    type: str
    ids: dict[str, str]
    surfaces: list[str] = field(default_factory=list)
    entity_id: int | None = None


def _locals(record: dict, published: str | None) -> list[_Local]:
    out = []
    for e in record.get("entities", []):
        if e["type"] == PHRASE_TYPE:
            continue  # a phrase participant stays with its event reports (resolve/events.py)
        name, label = e["name"], e["type"]
        role_holder = holder(name, published) if label in ("PERSON", "ORG", "") else None
        if role_holder:  # a name that is a role phrase: the holder at the date
            name, label = role_holder, "PERSON"
        surfaces = sorted({m["text"] for m in e["mentions"] if m.get("role") != "state"}
                          | ({e["native"]} if e.get("native") else set()))  # "Юрий Кнутов" for Yuri Knutov
        out.append(_Local(e["id"], name, label, corpus_type(label, name, e.get("ids")), dict(e.get("ids") or {}),
                          surfaces))
    return out


class _Hits:
    """The alias rows fetched for one article, kept up to date as entities are created."""

    def __init__(self, hits: list[AliasHit]):
        self.by_key: dict[str, list[AliasHit]] = {}
        for h in hits:
            self.add(h)

    def add(self, hit: AliasHit) -> None:
        self.by_key.setdefault(hit.key, []).append(hit)

    def get(self, key: str, type_: str | None = None, origin: str | None = None) -> list[AliasHit]:
        return [h for h in self.by_key.get(key, ()) if (type_ is None or compatible(type_, h.type))
                and (origin is None or h.origin == origin)]

    def held(self) -> set[tuple[int, str]]:
        return {(h.entity_id, h.key) for hs in self.by_key.values() for h in hs}


def _keys(local: _Local) -> list[str]:
    keys = [alias_key(local.name), *(alias_key(s) for s in local.surfaces)]
    keys += [id_key(k, v) for k, v in local.ids.items()]
    if local.type == "person":
        keys.append(surname_key(local.name) or "")
    if local.type in _ORGS:
        keys.append(base_key(local.name))
    return [k for k in keys if k]


def _choose(local: _Local, hits: _Hits) -> int | None:
    name_key = alias_key(local.name)
    for found in (hits.get(name_key, local.type, "user"),
                  [h for k, v in local.ids.items() for h in hits.get(id_key(k, v))],
                  hits.get(name_key, local.type)):
        if found:
            return found[0].entity_id
    if local.type in _ORGS and (found := hits.get(base_key(local.name), local.type)):
        return found[0].entity_id  # "Apple Inc." is the "Apple" already known
    if local.type == "person":
        bucket = hits.get(surname_key(local.name) or "", "person")
        return match_person(local.name, [(h.entity_id, h.name) for h in bucket])
    return None


def _ensure(graph: Graph, local: _Local, hits: _Hits, new_aliases: list) -> int:
    entity_id = _choose(local, hits)
    if entity_id is None:
        entity_id = graph.create_entity(local.name, local.type, local.label, local.ids)
    held = hits.held()
    wanted = [(local.name, alias_key(local.name), "analysis")]
    wanted += [(s, alias_key(s), "analysis") for s in local.surfaces if not hits.get(alias_key(s), origin="user")]
    wanted += [(f"{k}:{v}", id_key(k, v), "id") for k, v in local.ids.items()]
    if local.type in _ORGS and base_key(local.name) != alias_key(local.name):
        wanted.append((local.name, base_key(local.name), "analysis"))
    if local.type == "person" and len(local.name.split()) > 1:
        wanted.append((local.name, surname_key(local.name) or "", "key"))
    for alias, key, origin in wanted:
        if key and (entity_id, key) not in held and all(a[0] != entity_id or a[2] != key for a in new_aliases):
            new_aliases.append((entity_id, alias, key, origin))
            hits.add(AliasHit(key, entity_id, local.name, local.type, origin))
    return entity_id


def entity_for_name(graph: Graph, name: str, type_: str = "person", label: str = "PERSON") -> int:
    """The entity of a canonical name (a role's holder, a user alias' target), created if new."""
    local = _Local("", name, label, type_, {})
    hits = _Hits(graph.aliases_for(_keys(local)))
    new: list = []
    entity_id = _ensure(graph, local, hits, new)
    graph.add_aliases(new)
    return entity_id


def resolve_entities(graph: Graph, article_id: str, record: dict, published: str | None = None) -> dict[str, int]:
    """Link an article's mentions and quote speakers to corpus entities; record key -> entity id."""
    published = published or record.get("document", {}).get("published")
    locals_ = _locals(record, published)
    hits = _Hits(graph.aliases_for([k for local in locals_ for k in _keys(local)]))
    new_aliases: list = []
    for local in locals_:
        local.entity_id = _ensure(graph, local, hits, new_aliases)
    graph.add_aliases(new_aliases)
    by_key = {local.key: local.entity_id for local in locals_ if local.entity_id is not None}
    types = {local.key: local.type for local in locals_}
    links = []
    for mention_id, entity_key, text in graph.article_mentions(article_id):
        target = by_key.get(entity_key)
        user = hits.get(alias_key(text), types.get(entity_key), "user")
        if user and target not in {h.entity_id for h in user}:
            target = user[0].entity_id  # a split or an alias file sends this surface form elsewhere
        if target is not None:
            links.append((mention_id, target))
    graph.link_mentions(links)
    quote_links = []
    for quote_id, speaker_key, speaker_text, _name in graph.article_quotes(article_id):
        target = by_key.get(speaker_key) if speaker_key else None
        if target is None and speaker_text:
            role_holder = holder(speaker_text, published)
            target = entity_for_name(graph, role_holder) if role_holder else None
        if target is not None:
            quote_links.append((quote_id, target))
    graph.link_quotes(quote_links)
    return by_key
