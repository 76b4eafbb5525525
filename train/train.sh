#!/usr/bin/env bash
# Reproduce Dyad's parser for one language: prepare the corpus, train on one CPU thread, evaluate on the held-out
# part, ship the model to src/dyad/models/parser-LANG and write train/metrics_LANG.json.
#   stage 1: train/config_LANG.cfg from scratch (constant learning rate, batches growing to 1000 words);
#   stage 2, when train/config_LANG_stage2.cfg exists: continues from stage 1's model-last (fresh Adam with parameter
#            averaging, learning rate warmed up and decayed linearly to 0, fixed batch size).
#   The shipped model is the last stage's model-last: nothing is selected on the held-out part.
#   train/train.sh en|de        (env: PYTHON=python of an env with spacy==3.8.18; UD=path to the shared/ud folder)
set -euo pipefail
LANG_ID="${1:?usage: train/train.sh en|de}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-python}"
UD="${UD:-$ROOT/../shared/ud}"
OUT="$ROOT/train/output/$LANG_ID"
OUT2="$ROOT/train/output/${LANG_ID}2"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
cd "$ROOT"
"$PYTHON" train/prepare.py "$LANG_ID" --ud "$UD" --out train/corpus
rm -rf "$OUT" "$OUT2"
/usr/bin/time -f "%e %U %S" -o "train/output_time_$LANG_ID.txt" \
  "$PYTHON" -m spacy train "train/config_$LANG_ID.cfg" --gpu-id -1 --output "$OUT" 2>&1 | tee "train/log_$LANG_ID.txt"
rm -f "train/output_time_${LANG_ID}2.txt"
FINAL="$OUT"
if [ -f "train/config_${LANG_ID}_stage2.cfg" ]; then
  /usr/bin/time -f "%e %U %S" -o "train/output_time_${LANG_ID}2.txt" \
    "$PYTHON" -m spacy train "train/config_${LANG_ID}_stage2.cfg" --gpu-id -1 --output "$OUT2" \
    --paths.source "$OUT/model-last" 2>&1 | tee "train/log_${LANG_ID}2.txt"
  FINAL="$OUT2"
fi
"$PYTHON" train/evaluate.py "$LANG_ID" --model "$FINAL/model-last" --heldout "train/corpus/${LANG_ID}_heldout.spacy" \
  --ship "src/dyad/models/parser-$LANG_ID" \
  --time-file "train/output_time_$LANG_ID.txt" "train/output_time_${LANG_ID}2.txt" \
  --metrics "train/metrics_$LANG_ID.json"
