"""Convert the Universal Dependencies treebanks in ../shared/ud to spaCy DocBin files with a fixed split.

English: EWT train -> train.spacy, EWT dev -> heldout.spacy (the held-out report).
German: GSD dev + GSD test + PUD are pooled; a sentence is held out when the first byte of the SHA-1 of
"<file name>:<sent_id>" is below 15 % of 256 (38/256 = 14.8 %), restricted to GSD sentences; everything else trains.

One Doc per sentence, syntactic words (multiword-token ranges such as "zum" = "zu dem" are split as in UD).

    python train/prepare.py en|de [--ud ../shared/ud] [--out train/corpus]   (--ud: default ../shared/ud)
"""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

HOLDOUT_BYTE = 38  # sentences whose hash byte is < 38 (of 256) are held out: 14.8 %

SOURCES = {
    "en": {"train": ["en_ewt/en_ewt-ud-train.conllu"], "heldout": ["en_ewt/en_ewt-ud-dev.conllu"]},
    "de": {"pool": ["de/de_gsd-ud-dev.conllu", "de/de_gsd-ud-test.conllu", "de/de_pud-ud-test.conllu"]},
}


def read_conllu(path: Path) -> Iterator[tuple[str, list[list[str]], list[bool]]]:
    """Yield (sent_id, word rows, space-after flags); a multiword range gives its SpaceAfter to its last word."""
    sent_id, rows, spaces, mwt_end, mwt_space = "", [], [], 0, True
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line:
            if rows:
                yield sent_id, rows, spaces
            sent_id, rows, spaces, mwt_end = "", [], [], 0
        elif line.startswith("# sent_id"):
            sent_id = line.split("=", 1)[1].strip()
        elif line.startswith("#"):
            continue
        else:
            cols = line.split("\t")
            if "." in cols[0]:
                continue  # empty nodes of enhanced dependencies
            if "-" in cols[0]:
                mwt_end, mwt_space = int(cols[0].split("-")[1]), "SpaceAfter=No" not in cols[9]
                continue
            inside = int(cols[0]) <= mwt_end
            space = (mwt_space if int(cols[0]) == mwt_end else False) if inside else "SpaceAfter=No" not in cols[9]
            rows.append(cols)
            spaces.append(space)


def to_doc(nlp: spacy.Language, rows: list[list[str]], spaces: list[bool]) -> Doc:
    """One sentence as a Doc with UPOS, XPOS, morphology, lemmas, heads and UD labels (root -> ROOT, spaCy's label)."""
    heads = [int(r[6]) - 1 if r[6] != "0" else i for i, r in enumerate(rows)]
    deps = ["ROOT" if r[7] == "root" else r[7] for r in rows]
    return Doc(
        nlp.vocab,
        words=[r[1] for r in rows],
        spaces=spaces,
        lemmas=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] if r[4] != "_" else "" for r in rows],
        morphs=[r[5] if r[5] != "_" else "" for r in rows],
        heads=heads,
        deps=deps,
        sent_starts=[True] + [False] * (len(rows) - 1),
    )


def held_out(name: str, sent_id: str) -> bool:
    """The fixed German evaluation part: ~15 % of GSD sentences by a hash of file name and sentence id."""
    return "gsd" in name and hashlib.sha1(f"{name}:{sent_id}".encode()).digest()[0] < HOLDOUT_BYTE


def split(lang: str, ud: Path) -> dict[str, list[tuple[str, list[list[str]], list[bool]]]]:
    parts: dict[str, list[tuple[str, list[list[str]], list[bool]]]] = {"train": [], "heldout": []}
    for part, files in SOURCES[lang].items():
        for rel in files:
            name = Path(rel).name
            for sent in read_conllu(ud / rel):
                target = part if part != "pool" else ("heldout" if held_out(name, sent[0]) else "train")
                parts[target].append(sent)
    return parts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("lang", choices=sorted(SOURCES))
    ap.add_argument("--ud", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "ud")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "corpus")
    args = ap.parse_args()
    nlp = spacy.blank(args.lang)
    args.out.mkdir(parents=True, exist_ok=True)
    for part, sents in split(args.lang, args.ud).items():
        db = DocBin(store_user_data=False)
        for _sid, rows, spaces in sents:
            db.add(to_doc(nlp, rows, spaces))
        db.to_disk(args.out / f"{args.lang}_{part}.spacy")
        print(f"{args.lang} {part}: {len(sents)} sentences, {sum(len(s[1]) for s in sents)} words")


if __name__ == "__main__":
    main()
