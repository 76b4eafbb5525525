"""A long fuzz run: generated inputs through the reader and the pipeline, in this process.

    .venv/bin/python bench/fuzz.py --inputs 100000 --seed 1
    .venv/bin/python bench/fuzz.py --inputs 2000 --seed 7      # a quick look
    .venv/bin/python bench/fuzz.py --max-seconds 1200          # what 20 minutes allow (also: Ctrl-C, SIGTERM)

The inputs mix random bytes, Unicode edge cases (combining marks, right-to-left, emoji, zero-width and control
characters, lone surrogates in JSON), JSON lines with random records, deeply nested and huge JSON, tag soup HTML,
very long sentences, damaged gzip JSONL files, and German and English news sentences cut and mixed. Each input goes
through the reader (`dyad.read`); each document it makes goes through `Pipeline.code`. A crash is any exception
other than `InputError`; the first crashing inputs are saved to bench/out/fuzz-crash-N.bin. The report (inputs,
documents, crashes with samples, rejects by reason, the slowest article) is printed as JSON and appended to
bench/out/fuzz.jsonl.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import random
import re
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dyad.pipeline import Pipeline
from dyad.quarantine import split_problem
from dyad.read import InputError, RawDocument, _documents_from_bytes, read_inputs

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
SAVED_CRASHES = 5

SENTENCES = [
    "Frankreich kritisierte Israel scharf.",
    "Russland griff die Ukraine in der Nacht an.",
    "Die USA verhängten Sanktionen gegen den Iran.",
    "Bundeskanzler Scholz traf den französischen Präsidenten Macron in Berlin.",
    "„Wir werden nicht nachgeben“, sagte der Sprecher des Kreml.",
    "Russia attacked Ukraine on Monday.",
    "The United States imposed sanctions on Iran, officials said.",
    "China's foreign minister met his Russian counterpart in Beijing.",
    "Protesters clashed with police in Tehran after the election.",
    "Israel und die Hamas vereinbarten eine Waffenruhe.",
]
EDGE = [
    "e\u0301\u0301\u0301\u0301",
    "\u0627\u0644\u0633\u0644\u0627\u0645 \u05e9\u05dc\u05d5\u05dd",
    "\u202e\u202d\u200f\u200e\u2066\u2069",
    "\U0001f1e9\U0001f1ea\U0001f468\u200d\U0001f469\u200d\U0001f467\U0001f3fd",
    "\u200b\u200c\u200d\ufeff\u2060",
    "\x01\x07\x1b\x7f\x85\x9f",
    "\u2028\u2029\r\n\r\v\f",
    "-" * 40,
    "–—―‐‑",
    "\"\"''„“«»‹›" * 5,
    "...!!!???;;;:::" * 4,
    "US-Luft-Boden-Raketen-Angriffs-Abwehr-Systeme",
    "Dr. u.a. z.B. 7. Mai S. 12 f. Nr. 3",
    "\ufffd\ufffd",
    "ǅǈǋ ß ẞ İı ﬁ ﬀ",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝟙𝟚𝟛",
]
TAGS = ["html", "body", "p", "div", "script", "style", "h1", "title", "nav", "br", "table", "td", "li", "noscript"]
CODE_POINT_RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x300, 0x36F), (0x590, 0x6FF), (0x2000, 0x206F), (0x1F300, 0x1FAFF)]


def random_text(rng: random.Random, pieces: int) -> str:
    parts = []
    for _ in range(pieces):
        choice = rng.random()
        if choice < 0.4:
            parts.append(rng.choice(SENTENCES))
        elif choice < 0.7:
            parts.append(rng.choice(EDGE))
        elif choice < 0.95:
            low, high = rng.choice(CODE_POINT_RANGES)
            parts.append("".join(chr(rng.randint(low, high)) for _ in range(rng.randint(1, 30))))
        else:
            parts.append(rng.choice("abcäöüßxyz-.'\u0301") * rng.randint(200, 20_000))  # a very long word
    return rng.choice([" ", "", "\n", "\n\n"]).join(parts)


def random_json_value(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(8 if depth < 4 else 5)
    if kind == 0:
        return None
    if kind == 1:
        return rng.random() < 0.5
    if kind == 2:
        return rng.choice([rng.randint(-(10**30), 10**30), rng.random() * 1e308, float("nan"), float("inf")])
    if kind in (3, 4):
        return random_text(rng, rng.randint(0, 4))
    if kind == 5:
        return [random_json_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return {random_text(rng, 1)[:10]: random_json_value(rng, depth + 1) for _ in range(rng.randint(0, 4))}


def random_record(rng: random.Random) -> str:
    record: dict[str, Any] = {}
    for field in ("text", "id", "title", "url", "source", "published", "language"):
        if rng.random() < (0.9 if field == "text" else 0.4):
            record[field] = random_text(rng, rng.randint(1, 8)) if rng.random() < 0.7 else random_json_value(rng)
    if rng.random() < 0.3:
        record["published"] = rng.choice(["2026-03-02", "2026-02-30", "0000-00-00", "9999-12-31T25:00", "yesterday"])
    if rng.random() < 0.3:
        record["language"] = rng.choice(["de", "en", "fr", "", "DE"])
    line = json.dumps(record, ensure_ascii=rng.random() < 0.5)
    if rng.random() < 0.1:
        line = line.replace("Israel", "Isr\\ud800ael").replace("USA", "U\\udfffSA")  # lone surrogates
    if rng.random() < 0.05:
        line = line[: rng.randrange(len(line) + 1)]  # cut short
    return line


def gen_bytes(rng: random.Random) -> tuple[bytes, str | None]:
    data = rng.randbytes(rng.randint(0, 3000))
    if rng.random() < 0.5:
        data = data.replace(b"\x00", b" ")
    return data, None


def gen_unicode(rng: random.Random) -> tuple[bytes, str | None]:
    return random_text(rng, rng.randint(1, 60)).encode("utf-8"), None


def gen_jsonl(rng: random.Random) -> tuple[bytes, str | None]:
    return "\n".join(random_record(rng) for _ in range(rng.randint(1, 8))).encode("utf-8"), None


def gen_deep_json(rng: random.Random) -> tuple[bytes, str | None]:
    depth = rng.choice([10, 100, 1000, 10_000, 100_000, 500_000])
    opener, closer = rng.choice([("[", "]"), ('{"a": ', "}")])
    line = '{"text": ' + opener * depth + '"Frankreich kritisierte Israel."' + closer * depth + "}"
    follow = json.dumps({"text": rng.choice(SENTENCES)})
    return (line + "\n" + follow).encode("utf-8"), None


def gen_huge(rng: random.Random) -> tuple[bytes, str | None]:
    size = rng.choice([500_000, 1_500_000, 3_000_000, 6_000_000])
    body = (" ".join(rng.choice(SENTENCES) for _ in range(200)) + "\n") * (size // 8_000 + 1)
    if rng.random() < 0.5:
        return json.dumps({"text": body[:size], "language": "de"}).encode("utf-8"), None
    return body[:size].encode("utf-8"), None


def gen_html(rng: random.Random) -> tuple[bytes, str | None]:
    parts = ["<!DOCTYPE html>" if rng.random() < 0.6 else ""]
    for _ in range(rng.randint(1, 80)):
        choice = rng.random()
        if choice < 0.3:
            parts.append(f"<{rng.choice(TAGS)}{rng.choice(['', ' class=x', ' a=', ' =>'])}>")
        elif choice < 0.5:
            parts.append(f"</{rng.choice(TAGS)}>")
        elif choice < 0.6:
            parts.append(rng.choice(["<", ">", "&amp;", "&#0;", "&#x110000;", "&bogus;", "<!--", "-->", "<![CDATA["]))
        else:
            parts.append(random_text(rng, rng.randint(1, 5)))
    return "".join(parts).encode("utf-8"), rng.choice([None, "html"])


def gen_long_sentence(rng: random.Random) -> tuple[bytes, str | None]:
    words = rng.choice([1_000, 1_000, 10_000, 10_000, 50_000, 200_000])
    glue = rng.choice([" und ", ", ", " ", " - ", " and "])
    return glue.join(rng.choice(SENTENCES).rstrip(".") for _ in range(words // 6)).encode("utf-8"), None


GENERATORS: dict[str, tuple[float, Callable[[random.Random], tuple[bytes, str | None]]]] = {
    "bytes": (20, gen_bytes),
    "unicode": (30, gen_unicode),
    "jsonl": (25, gen_jsonl),
    "html": (15, gen_html),
    "deep_json": (2, gen_deep_json),
    "long_sentence": (0.3, gen_long_sentence),
    "huge": (0.05, gen_huge),
}
GZIP_SHARE = 0.02  # inputs also written as .jsonl.gz files, half of them damaged, and read with read_inputs


def reason_group(reason: str) -> str:
    """A reject's reason without the values it quotes, to count rejects by reason."""
    reason = reason.split(", got ")[0]
    reason = re.sub(r"^language .* is not supported", "language X is not supported", reason)
    reason = re.sub(r"\([^()]*\)", "(…)", reason)
    return re.sub(r"\d[\d,.]*", "N", reason)[:80]


class Run:
    def __init__(self, pipeline: Pipeline, rng: random.Random):
        self.pipeline = pipeline
        self.rng = rng
        self.kinds: Counter[str] = Counter()
        self.rejects: Counter[str] = Counter()
        self.crashes: list[dict[str, Any]] = []
        self.crash_count = 0
        self.documents = 0
        self.events = 0
        self.slowest: dict[str, Any] = {"seconds": 0.0}

    def one(self, number: int, kind: str, data: bytes, hint: str | None) -> None:
        self.kinds[kind] += 1
        try:
            documents = list(self._read(data, hint))
        except InputError as error:
            self._reject(str(error))
            return
        except Exception as error:
            self._crash(number, kind, data, "read", error)
            return
        for document in documents:
            self._code(number, kind, data, document)

    def _read(self, data: bytes, hint: str | None):
        if self.rng.random() >= GZIP_SHARE:
            return _documents_from_bytes(data, "fuzz", kind=hint, on_error=self._on_error)
        packed = bytearray(gzip.compress(data))
        if self.rng.random() < 0.5:
            packed[self.rng.randrange(len(packed))] ^= 1 << self.rng.randrange(8)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "fuzz.jsonl.gz"
            path.write_bytes(bytes(packed))
            return list(read_inputs(str(path), on_error=self._on_error))

    def _on_error(self, error: InputError) -> None:
        self._reject(str(error))

    def _code(self, number: int, kind: str, data: bytes, document: RawDocument) -> None:
        self.documents += 1
        if document.language is None and self.rng.random() < 0.3:
            document = dataclasses.replace(document, language=self.rng.choice(["de", "en"]))
        started = time.perf_counter()
        try:
            coded = self.pipeline.code(document)
            json.dumps([event.to_dict() for event in coded.events], ensure_ascii=False).encode("utf-8")
            self.events += len(coded.events)
        except InputError as error:
            self._reject(str(error))
        except Exception as error:
            self._crash(number, kind, data, "code", error)
        seconds = time.perf_counter() - started
        if seconds > self.slowest["seconds"]:
            self.slowest = {"seconds": round(seconds, 3), "characters": len(document.text), "kind": kind}
            (OUT / "fuzz-slowest.txt").write_text(document.text, encoding="utf-8", errors="surrogatepass")

    def _reject(self, message: str) -> None:
        self.rejects[reason_group(split_problem(message)[1])] += 1

    def _crash(self, number: int, kind: str, data: bytes, stage: str, error: Exception) -> None:
        self.crash_count += 1
        if len(self.crashes) < SAVED_CRASHES:
            saved = OUT / f"fuzz-crash-{len(self.crashes) + 1}.bin"
            saved.write_bytes(data)
            self.crashes.append(
                {
                    "input": number,
                    "kind": kind,
                    "stage": stage,
                    "error": f"{type(error).__name__}: {error}"[:300],
                    "where": traceback.extract_tb(error.__traceback__)[-1].filename.split("site-packages/")[-1]
                    + f":{traceback.extract_tb(error.__traceback__)[-1].lineno}",
                    "sample": data[:200].decode("utf-8", "replace"),
                    "saved": str(saved.relative_to(REPO)),
                }
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--progress-every", type=int, default=5000)
    parser.add_argument("--max-seconds", type=float, help="stop after this long and report the inputs tried so far")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, _stop)
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    names = list(GENERATORS)
    weights = [GENERATORS[name][0] for name in names]
    started = time.perf_counter()
    pipeline = Pipeline.load()
    for language in pipeline.languages:
        pipeline.coder(language)  # load each language's lexicons now, not in the first article's time
    run = Run(pipeline, rng)
    loaded = time.perf_counter()
    tried, stopped = 0, False
    try:
        for number in range(args.inputs):
            if args.max_seconds and time.perf_counter() - loaded > args.max_seconds:
                stopped = True
                break
            kind = rng.choices(names, weights)[0]
            data, hint = GENERATORS[kind][1](rng)
            run.one(number, kind, data, hint)
            tried = number + 1
            if args.progress_every and tried % args.progress_every == 0:
                print(
                    f"{tried} inputs, {run.crash_count} crashes, {time.perf_counter() - loaded:.0f} s",
                    file=sys.stderr,
                    flush=True,
                )
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM: report what was tried
        stopped = True
    report = {
        "inputs": tried,
        "stopped_early": stopped,
        "seed": args.seed,
        "seconds": round(time.perf_counter() - loaded, 1),
        "start_up_seconds": round(loaded - started, 1),
        "kinds": dict(run.kinds.most_common()),
        "documents": run.documents,
        "events": run.events,
        "crashes": run.crash_count,
        "crash_samples": run.crashes,
        "rejects": sum(run.rejects.values()),
        "rejects_by_reason": dict(run.rejects.most_common()),
        "slowest_article": run.slowest,
    }
    with (OUT / "fuzz.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(report, ensure_ascii=False) + "\n")
    print(json.dumps(report, indent=1, ensure_ascii=False))


def _stop(*_: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    main()
