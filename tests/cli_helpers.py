"""Running the real `newsgraph` command in a subprocess, as a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from paths import SHARED

SEED = SHARED / "seed" / "article.txt"
POLNEAR_TRAIN = SHARED / "data" / "polnear" / "train" / "text"
NEWSGRAPH = [sys.executable, "-m", "newsgraph"]


def run(*args, cwd=None, input=None, env=None, timeout=300) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "COLUMNS": "200", **(env or {})}
    full_env.pop("NEWSGRAPH_DB", None)
    return subprocess.run(
        [*NEWSGRAPH, *map(str, args)], cwd=cwd, input=input, env=full_env,
        capture_output=True, text=True, timeout=timeout,
    )


def db_info(db) -> dict:
    result = run("db", "info", "--db", db, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
