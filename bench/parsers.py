"""Speed and memory of Dyad's shipped parsers (dyad.text.parse), one sentence per call, on one thread.

    OMP_NUM_THREADS=1 PYTHONPATH=src .venv/bin/python bench/parsers.py [--models DIR]   (after train/prepare.py)

--models: a folder with parser-de/ and parser-en/ to measure instead of the shipped ones (e.g. an older copy).

Speed per wall-clock second and per CPU second of this process (the latter does not depend on other load).
Sentences are the held-out parts written by train/prepare.py (train/corpus/LANG_heldout.spacy), their gold words.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from spacy.tokens import DocBin

from dyad.text.parse import load_parser, parse

CORPUS = Path(__file__).resolve().parents[1] / "train" / "corpus"


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", type=Path, help="folder with parser-de/ and parser-en/ (default: the shipped models)")
    args = ap.parse_args()
    base = rss_mb()
    report: dict[str, dict[str, float]] = {}
    for lang in ("de", "en"):
        before, start = rss_mb(), time.perf_counter()
        nlp = load_parser(lang, args.models / f"parser-{lang}" if args.models else None)
        load_s, load_mb = time.perf_counter() - start, rss_mb() - before
        words = [[t.text for t in d] for d in DocBin().from_disk(CORPUS / f"{lang}_heldout.spacy").get_docs(nlp.vocab)]
        for sent in words[:20]:
            parse(nlp, sent)
        start, cpu = time.perf_counter(), time.process_time()
        for sent in words:
            parse(nlp, sent)
        seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
        report[lang] = {
            "sentences": len(words),
            "sentences_per_s": round(len(words) / seconds, 1),
            "words_per_s": round(sum(map(len, words)) / seconds),
            "sentences_per_cpu_s": round(len(words) / cpu_seconds, 1),
            "words_per_cpu_s": round(sum(map(len, words)) / cpu_seconds),
            "load_s": round(load_s, 2),
            "load_rss_mb": round(load_mb, 1),
        }
    report["both"] = {"rss_after_spacy_import_mb": round(base, 1), "rss_with_both_models_mb": round(rss_mb(), 1)}
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
