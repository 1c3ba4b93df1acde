"""JSON Lines: field mapping, one error per bad line, gzip."""

from __future__ import annotations

import json

import pytest

from ingest_fixtures import FIXTURES, truncate, write_jsonl_gz
from newsgraph.errors import InputError
from newsgraph.ingest import read_inputs
from newsgraph.model import RawDocument, ReadOptions

MAPPED = ReadOptions(fields={"text": "body", "title": "headline", "published": "date",
                             "outlet": "source"})
GOOD = json.dumps({"text": "Talks in Geneva ended without agreement on Friday, diplomats said."})


def read_all(path, options=ReadOptions()):
    return list(read_inputs([str(path)], options))


def test_jsonl_custom_field_names_are_mapped():
    items = read_all(FIXTURES / "articles.jsonl", MAPPED)
    assert all(isinstance(i, RawDocument) for i in items) and len(items) == 3  # blank line skipped
    fire = items[0]
    assert fire.title == "Wildfire near Patras forces evacuation of three villages"
    assert fire.text.startswith("Firefighters battled a wildfire near Patras on Saturday")
    assert (fire.published, fire.outlet) == ("2025-07-19", "Aegean Daily")  # local date kept
    assert fire.url == "https://aegeandaily.example/patras-fire"
    assert fire.source == str(FIXTURES / "articles.jsonl")
    assert [i.location for i in items] == ["line 1", "line 3", "line 4"]


def test_jsonl_missing_text_field_names_it_lists_keys_and_the_option():
    (first, *_rest) = read_all(FIXTURES / "articles.jsonl")  # default "text" field is absent
    assert isinstance(first, InputError) and first.location == "line 1"
    assert 'no "text" field' in first.reason
    assert "body, date, headline, source, url" in first.reason
    assert "--field text=" in first.reason


def test_jsonl_malformed_line_is_reported_and_the_others_are_read(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(GOOD + "\n{not json at all\n" + GOOD + "\n")
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["RawDocument", "InputError", "RawDocument"]
    error = items[1]
    assert error.source == str(path) and error.location == "line 2"
    assert error.reason.startswith("malformed JSON:") and "column 2" in error.reason
    assert str(error).startswith(f"{path}: line 2: malformed JSON")


@pytest.mark.parametrize("line, reason", [
    ('["a", "list"]', "expected a JSON object, found a list"),
    ('"just a string"', "expected a JSON object, found a string"),
    ('{"text": ""}', 'field "text" is empty'),
    ('{"text": "   "}', 'field "text" is empty'),
    ('{"text": 5}', 'field "text" is a number, not a string'),
    ('{"text": null}', 'field "text" is null, not a string'),
    ('{"text": "Body.", "title": ["x"]}', 'field "title" is a list, not a string'),
    ('{"text": "Body.", "published": "last Tuesday"}', "'last Tuesday', which is not a date"),
])
def test_jsonl_bad_object_reasons(tmp_path, line, reason):
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n")
    (error,) = read_all(path)
    assert isinstance(error, InputError) and error.location == "line 1"
    assert reason in error.reason


def test_jsonl_published_option_makes_a_bad_input_date_harmless(tmp_path):
    path = tmp_path / "dated.jsonl"
    path.write_text('{"text": "Body.", "published": "last Tuesday"}\n')
    (doc,) = read_all(path, ReadOptions(published="2025-04-02"))
    assert isinstance(doc, RawDocument)


def test_jsonl_invalid_utf8_names_line_and_file_offset(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(GOOD.encode() + b'\n{"text": "Caf\xe9"}\n' + GOOD.encode() + b"\n")
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["RawDocument", "InputError", "RawDocument"]
    offset = len(GOOD) + 1 + len('{"text": "Caf')
    assert items[1].location == "line 2" and f"byte offset {offset} (line 2)" in items[1].reason


def test_jsonl_gzip_is_read_line_by_line(tmp_path):
    path = write_jsonl_gz(tmp_path / "wire.jsonl.gz", [GOOD, "{oops", GOOD])
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["RawDocument", "InputError", "RawDocument"]
    assert items[1].location == "line 2"


def test_jsonl_truncated_gzip_yields_good_lines_then_one_error(tmp_path):
    lines = [json.dumps({"text": f"Report number {n} from the summit in Geneva, diplomats said."})
             for n in range(400)]
    whole = write_jsonl_gz(tmp_path / "whole.jsonl.gz", lines)
    cut = truncate(whole, tmp_path / "cut.jsonl.gz", whole.stat().st_size // 2)
    items = read_all(cut)
    *docs, error = items
    assert 100 < len(docs) < 400 and all(isinstance(d, RawDocument) for d in docs)
    assert isinstance(error, InputError) and "truncated or corrupt gzip" in error.reason
    assert error.source == str(cut) and error.location == f"line {len(docs) + 1}"


def test_jsonl_over_max_chars(tmp_path):
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"text": "x" * 500}) + "\n")
    (error,) = read_all(path, ReadOptions(max_chars=100))
    assert error.location == "line 1" and "500 characters long, over the limit of 100" in error.reason


def test_jsonl_file_of_blank_lines_is_empty(tmp_path):
    path = tmp_path / "blank.jsonl"
    path.write_text("\n" * 10_000)  # longer than the sniffed head, so the reader must see it
    (error,) = read_all(path)
    assert error.reason == "empty file"
