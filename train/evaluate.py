"""Score a trained pipeline on the held-out DocBin, optionally ship it, and write the metrics JSON.

Tokens are the gold words (as Dyad passes its own tokens), one sentence per Doc with the sentence boundary preset.
UPOS, XPOS, morphology (whole feature set equal), Case (tokens whose gold features have Case), UAS and LAS over all
tokens as in the CoNLL 2018 evaluation (punctuation included), and UAS/LAS without punctuation (spaCy's convention).
Speed: sentences per second parsing the held-out part on one thread (all components, after a warm-up).

    python train/evaluate.py de --model train/output/de/model-last --heldout train/corpus/de_heldout.spacy \
        [--ship src/dyad/models/parser-de] [--time-file F [F ...]] [--metrics train/metrics_de.json]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from thinc.api import Config

SOURCES = {
    "en": ["UD_English-EWT (train part), CC BY-SA 4.0"],
    "de": ["UD_German-GSD (dev and test parts), CC BY-SA 4.0", "UD_German-PUD, CC BY-SA 3.0"],
}


def predict(nlp: spacy.Language, gold: list[Doc]) -> tuple[list[Doc], float]:
    docs = [Doc(nlp.vocab, words=[t.text for t in g], sent_starts=[True] + [False] * (len(g) - 1)) for g in gold]
    list(nlp.pipe(docs[:20]))
    fresh = [Doc(nlp.vocab, words=[t.text for t in g], sent_starts=[True] + [False] * (len(g) - 1)) for g in gold]
    start = time.perf_counter()
    out = list(nlp.pipe(fresh, batch_size=256))
    return out, time.perf_counter() - start


def score(gold: list[Doc], pred: list[Doc]) -> dict[str, float]:
    n = {"tok": 0, "upos": 0, "xpos": 0, "morph": 0, "uas": 0, "las": 0, "np": 0, "uas_np": 0, "las_np": 0}
    case_n = case_ok = 0
    for g_doc, p_doc in zip(gold, pred, strict=True):
        for g, p in zip(g_doc, p_doc, strict=True):
            n["tok"] += 1
            n["upos"] += g.pos_ == p.pos_
            n["xpos"] += g.tag_ == p.tag_
            n["morph"] += g.morph.to_dict() == p.morph.to_dict()
            head_ok = g.head.i == p.head.i
            n["uas"] += head_ok
            n["las"] += head_ok and g.dep_ == p.dep_
            if g.pos_ != "PUNCT":
                n["np"] += 1
                n["uas_np"] += head_ok
                n["las_np"] += head_ok and g.dep_ == p.dep_
            if "Case" in g.morph.to_dict():
                case_n += 1
                case_ok += g.morph.to_dict()["Case"] == p.morph.to_dict().get("Case")
    out = {k: round(n[k] / n["tok"], 4) for k in ("upos", "xpos", "morph", "uas", "las") if k != "xpos" or n["xpos"]}
    out |= {"uas_no_punct": round(n["uas_np"] / n["np"], 4), "las_no_punct": round(n["las_np"] / n["np"], 4)}
    out["case"] = round(case_ok / case_n, 4) if case_n else 0.0
    return out


def ship(nlp: spacy.Language, lang: str, target: Path) -> float:
    nlp.meta.update(
        name=f"dyad_parser_{lang}",
        version="1.0.0",
        license="CC BY-SA 4.0",
        description="Dyad's tagger, morphologizer and UD dependency parser (trained by train/train.sh)",
        sources=SOURCES[lang],
    )
    nlp.to_disk(target)
    return round(sum(f.stat().st_size for f in target.rglob("*") if f.is_file()) / 1e6, 2)


def training_figures(lang: str, time_files: list[Path]) -> dict[str, object]:
    """Steps per stage (stage 1 config, then the stage 2 config when there is one) and summed wall and CPU time."""
    here = Path(__file__).resolve().parent
    configs = [here / f"config_{lang}.cfg", here / f"config_{lang}_stage2.cfg"]
    steps = [Config().from_disk(c, interpolate=False)["training"]["max_steps"] for c in configs if c.exists()]
    out: dict[str, object] = {"train_max_steps": steps}
    times = [[float(x) for x in f.read_text().split()[-3:]] for f in time_files if f.exists()]
    if times:
        out |= {"train_wall_s": round(sum(t[0] for t in times)), "train_cpu_s": round(sum(t[1] + t[2] for t in times))}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("lang")
    ap.add_argument("--model", type=Path, required=True)
    ap.add_argument("--heldout", type=Path, required=True)
    ap.add_argument("--ship", type=Path)
    ap.add_argument("--time-file", type=Path, nargs="*", default=[], help="/usr/bin/time files, one per stage")
    ap.add_argument("--metrics", type=Path)
    args = ap.parse_args()
    nlp = spacy.load(args.model)
    gold = list(DocBin().from_disk(args.heldout).get_docs(nlp.vocab))
    pred, seconds = predict(nlp, gold)
    metrics: dict[str, object] = {"language": args.lang, "heldout_sentences": len(gold)}
    metrics["heldout_words"] = sum(len(d) for d in gold)
    metrics |= score(gold, pred)
    metrics["sentences_per_s_one_thread"] = round(len(gold) / seconds, 1)
    metrics["pipeline"] = nlp.pipe_names
    metrics |= training_figures(args.lang, args.time_file)
    if args.ship:
        metrics["model_mb"] = ship(nlp, args.lang, args.ship)
    print(json.dumps(metrics, indent=1))
    if args.metrics:
        args.metrics.write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
