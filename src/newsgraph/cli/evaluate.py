"""``newsgraph eval``: score the analysis against gold data and check the floors (see newsgraph.evaluate)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from .. import evaluate, terminal
from ..errors import ConfigError
from ._options import analyzer, exit_on_error, json_option

__all__ = ["evaluate_command"]

FiguresJson = json_option("Print the figures as JSON.")


def evaluate_command(
    names: Annotated[Optional[list[str]], typer.Argument(help=f"Evaluations to run [default: all]: {', '.join(evaluate.EVALUATIONS)}.")] = None,
    data: Annotated[Optional[str], typer.Option(help="The shared gold data folder [default: $NEWSGRAPH_DATA or ../shared/data].")] = None,
    limit: Annotated[Optional[int], typer.Option(help="Score only the first N documents of each (a quick look; floors apply to full runs).")] = None,
    json_output: FiguresJson = False,
    split: Annotated[str, typer.Option(help="PolNeAR split to score: dev, or a held-out split laid out the same way "
                                            "(polnear/<split>/text, .../attributions). Floors apply to dev.")] = "dev",
) -> None:
    """Score the analysis against gold data (seed, PolNeAR, GGT, TimeBank/AQUAINT, MEANTIME, PLOVER, events) and check the floors."""
    with exit_on_error():
        root = evaluate.data_root(data)
        chosen = names or list(evaluate.EVALUATIONS)
        for name in chosen:
            if name not in evaluate.EVALUATIONS:
                raise ConfigError(f"no evaluation named {name!r}; choose from {', '.join(evaluate.EVALUATIONS)}")
        pipeline = analyzer()
        results = {}
        for name in chosen:
            terminal.err_console.print(f"[dim]evaluating {name} ...[/dim]")
            if name == "polnear" and split != "dev":  # its own row: the floors are dev's
                results[f"polnear:{split}"] = evaluate.run(name, pipeline, root, limit=limit, split=split)
            else:
                results[name] = evaluate.run(name, pipeline, root, limit=limit)
    failures = [] if limit else [line for name in results for line in evaluate.below_floor(name, results[name])]
    if json_output:
        terminal.print_json(results)
    else:
        terminal.out_console.print(terminal.evaluation_table(results, evaluate.floors(), checked=not limit))
    for line in failures:
        terminal.err_console.print(f"[bold red]below floor:[/bold red] {line}", highlight=False)
    if failures:
        raise typer.Exit(1)
