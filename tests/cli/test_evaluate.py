"""`newsgraph eval`: the accuracy table and the floor check, as a user runs them."""

from __future__ import annotations

import json

import pytest

from cli_helpers import SHARED, run

pytestmark = pytest.mark.slow


def test_cli_eval_seed_prints_figures_and_holds_its_floors():
    result = run("eval", "seed", "--json", "--data", SHARED / "data")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)["seed"]
    assert figures["entities"] == 1.0 and figures["money"] == 1.0 and figures["mojibake_gone"] == 1.0


def test_cli_eval_table_and_limit():
    result = run("eval", "polnear", "--limit", "3", "--data", SHARED / "data")
    assert result.returncode == 0, result.stderr
    assert "Accuracy against gold data" in result.stdout and "content_f1" in result.stdout


def test_cli_eval_scores_another_polnear_split_on_its_own_row(tmp_path):
    # a held-out split laid out like dev: here two training texts stand in for it
    for folder in ("text", "attributions"):
        (tmp_path / "polnear" / "heldout" / folder).mkdir(parents=True)
    train = SHARED / "data" / "polnear" / "train"
    for path in sorted((train / "text").glob("*.txt"))[:2]:
        (tmp_path / "polnear" / "heldout" / "text" / path.name).write_bytes(path.read_bytes())
        for ann in (train / "attributions").glob(f"{path.stem}_*"):
            (tmp_path / "polnear" / "heldout" / "attributions" / ann.name).write_bytes(ann.read_bytes())
    result = run("eval", "polnear", "--split", "heldout", "--json", "--data", tmp_path)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert list(figures) == ["polnear:heldout"]
    assert figures["polnear:heldout"]["documents"] == 2 and figures["polnear:heldout"]["gold"] > 0
    missing = run("eval", "polnear", "--split", "test", "--data", tmp_path)
    assert missing.returncode == 2 and "no PolNeAR split 'test'" in missing.stderr


def test_cli_eval_unknown_name_and_missing_data_are_clear_errors(tmp_path):
    unknown = run("eval", "nosuch", "--data", SHARED / "data")
    assert unknown.returncode == 2 and "no evaluation named 'nosuch'" in unknown.stderr
    missing = run("eval", "seed", "--data", tmp_path)
    assert missing.returncode == 2 and "cannot find the gold data folder" in missing.stderr


def test_cli_eval_fails_when_a_figure_drops_below_its_floor(tmp_path, monkeypatch):
    # A floor above what is possible must fail the check, naming the figure.
    from newsgraph import evaluate

    floors_file = tmp_path / "floors.json"
    floors = evaluate.floors()
    floors["seed"]["entities"] = 1.01
    floors_file.write_text(json.dumps(floors), encoding="utf-8")
    result = run("eval", "seed", "--data", SHARED / "data", env={"NEWSGRAPH_FLOORS": str(floors_file)})
    assert result.returncode == 1
    assert "seed.entities = 1.0000 is below its floor 1.0100" in result.stderr
