"""A synthetic corpus for tests and benchmarks: our example articles (and the seeds, when present), varied.

    .venv/bin/python bench/corpus.py 100000 bench/out/corpus.jsonl.gz

Each copy gets its own id, a publication date moved by its number of days, and its body paragraphs in a seeded
random order, so articles differ while their language stays real.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCES = [REPO / "examples", REPO.parent / "shared" / "seeds"]
START = date(2025, 1, 1)


def originals() -> list[list[str]]:
    articles = []
    for source in SOURCES:
        if source.is_dir():
            for path in sorted(source.iterdir()):
                lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
                articles.append([line for line in lines if not line.lstrip().startswith("date ")])
    return articles


def articles(count: int, seed: int = 7) -> Iterator[dict[str, str]]:
    base = originals()
    rng = random.Random(seed)
    for number in range(count):
        lines = list(base[number % len(base)])
        head, body = lines[:2], lines[2:]
        rng.shuffle(body)
        yield {
            "id": f"synthetic-{number:07d}",
            "text": "\n\n".join(head + body),
            "published": (START + timedelta(days=number % 700)).isoformat(),
            "source": "synthetic",
        }


def write(count: int, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as handle:
        for record in articles(count):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    print(write(args.count, args.output))


if __name__ == "__main__":
    main()
