#!/usr/bin/env bash
# Reproduce Dyad's parser for one language: prepare the corpus, train on one CPU thread, evaluate on the held-out part,
# ship the model to src/dyad/models/parser-LANG and write train/metrics_LANG.json.
#   train/train.sh en|de        (env: PYTHON=python of an env with spacy==3.8.18; UD=path to the shared/ud folder)
set -euo pipefail
LANG_ID="${1:?usage: train/train.sh en|de}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-python}"
UD="${UD:-$ROOT/../shared/ud}"
OUT="$ROOT/train/output/$LANG_ID"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
cd "$ROOT"
"$PYTHON" train/prepare.py "$LANG_ID" --ud "$UD" --out train/corpus
rm -rf "$OUT"
/usr/bin/time -f "%e %U %S" -o "train/output_time_$LANG_ID.txt" \
  "$PYTHON" -m spacy train "train/config_$LANG_ID.cfg" --gpu-id -1 --output "$OUT" 2>&1 | tee "train/log_$LANG_ID.txt"
"$PYTHON" train/evaluate.py "$LANG_ID" --model "$OUT/model-last" --heldout "train/corpus/${LANG_ID}_heldout.spacy" \
  --ship "src/dyad/models/parser-$LANG_ID" --time-file "train/output_time_$LANG_ID.txt" \
  --metrics "train/metrics_$LANG_ID.json"
