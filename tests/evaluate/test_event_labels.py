"""The PolNeAR event-label measurement: reading the labels, the fixed split, the tally."""

from __future__ import annotations

from newsgraph.evaluate import event_labels as el

HEADER = "doc\ttrigger_start\ttype\ttrigger\tmodality\tevent\tactors\ttargets\tedge\tmodality_ok\tcause\tcoder\n"


def _write(tmp_path, rows: list[str]):
    path = tmp_path / "labels.tsv"
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def test_event_labels_reads_verdicts_by_doc_start_and_type(tmp_path):
    path = _write(tmp_path, [
        "a\t10\tASSAULT\tstruck\tasserted\tright\tX=right\tY=right\tright\tright\t\tA",
        "a\t10\tACCUSE\tstruck\tasserted\twrong\t\t\t\tright\tnot an accusation\tA",
        "b\t5\tPROTEST\trally\tasserted\twrong\tZ=right\t\t\tright\tcampaign rally\tB",
    ])
    labels = el.read_labels(path)
    assert set(labels) == {"a", "b"}
    assert labels["a"][(10, "ASSAULT")].right and not labels["a"][(10, "ACCUSE")].right
    assert labels["b"][(5, "PROTEST")] == el.Label("rally", False, "campaign rally")


def test_event_labels_tally_counts_kept_lost_and_unlabelled(tmp_path):
    path = _write(tmp_path, [
        "a\t10\tASSAULT\tstruck\tasserted\tright\t\t\t\tright\t\tA",
        "a\t30\tSUPPORT\tbacking\tasserted\twrong\t\t\t\tright\tdescription\tA",
        "a\t50\tAID\tsent\tasserted\tright\t\t\t\tright\t\tA",
    ])
    t = el.tally(el.read_labels(path), {"a": [(10, "ASSAULT"), (30, "SUPPORT"), (70, "REQUEST"), (50, "ACCUSE")]})
    figures = t.figures()
    # the AID at 50 is now typed ACCUSE: a lost right event plus an unlabelled one
    assert (figures["kept_right"], figures["kept_wrong"], figures["right_not_kept"], figures["unlabelled"]) == (1, 1, 1, 2)
    assert figures["precision"] == 0.5


def test_event_labels_split_keeps_every_third_sorted_doc_aside():
    parts = el.split(["d", "a", "c", "b", "e", "f", "g"])
    assert parts["aside"] == ["a", "d", "g"] and parts["fit"] == ["b", "c", "e", "f"]


def test_event_labels_the_shipped_file_splits_into_32_fit_and_17_aside_articles():
    labels = el.read_labels()
    parts = el.split(labels)
    assert (len(parts["fit"]), len(parts["aside"])) == (32, 17)
    assert sum(len(labels[d]) for d in parts["aside"]) == 118
    assert sum(len(v) for v in labels.values()) == 360
