"""Where the tests find the repository, the shared gold data and the seed article."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = SHARED / "data"
SEED_DIR = SHARED / "seed"
SEED = SEED_DIR / "article.txt"
SAMPLE_SEED = REPO / "src" / "newsgraph" / "sample" / "seed-article.txt"
