#!/usr/bin/env bash
# Reproduce Dyad's parser for one language: prepare the corpus, train on one CPU thread, evaluate on the held-out
# part, ship the model to src/dyad/models/parser-LANG and write train/metrics_LANG.json.
#   stage 1: train/config_LANG.cfg from scratch (constant learning rate, batches growing to 1000 words);
#   stage 2, when train/config_LANG_stage2.cfg exists: continues from stage 1's model-last (fresh Adam with parameter
#            averaging, learning rate warmed up and decayed linearly to 0, fixed batch size).
#   The shipped model is the last stage's model-last: nothing is selected on the held-out part.
#   VARIANT "fast": the same, with the narrower network of train/fast.overrides (stage 1 only: stage 2 inherits the
#            architecture), shipped as parser-LANG-fast with train/metrics_LANG_fast.json.
#   train/train.sh en|de [fast] (env: PYTHON=python of an env with spacy==3.8.18; UD=path to the shared/ud folder)
set -euo pipefail
LANG_ID="${1:?usage: train/train.sh en|de [fast]}"
VARIANT="${2:-}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-python}"
UD="${UD:-$ROOT/../shared/ud}"
SUFFIX="${VARIANT:+_$VARIANT}"
OVERRIDES=()
if [ -n "$VARIANT" ]; then
  read -r -a OVERRIDES < <(grep -v '^#' "$ROOT/train/$VARIANT.overrides" | tr '\n' ' ')
fi
OUT="$ROOT/train/output/$LANG_ID$SUFFIX"
OUT2="$ROOT/train/output/${LANG_ID}${SUFFIX}2"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
cd "$ROOT"
"$PYTHON" train/prepare.py "$LANG_ID" --ud "$UD" --out train/corpus
rm -rf "$OUT" "$OUT2"
T1="train/output_time_$LANG_ID$SUFFIX.txt"
T2="train/output_time_$LANG_ID${SUFFIX}2.txt"
/usr/bin/time -f "%e %U %S" -o "$T1" \
  "$PYTHON" -m spacy train "train/config_$LANG_ID.cfg" --gpu-id -1 --output "$OUT" "${OVERRIDES[@]}" 2>&1 \
  | tee "train/log_$LANG_ID$SUFFIX.txt"
rm -f "$T2"
FINAL="$OUT"
if [ -f "train/config_${LANG_ID}_stage2.cfg" ]; then
  /usr/bin/time -f "%e %U %S" -o "$T2" \
    "$PYTHON" -m spacy train "train/config_${LANG_ID}_stage2.cfg" --gpu-id -1 --output "$OUT2" \
    --paths.source "$OUT/model-last" 2>&1 | tee "train/log_${LANG_ID}${SUFFIX}2.txt"
  FINAL="$OUT2"
fi
"$PYTHON" train/evaluate.py "$LANG_ID" --model "$FINAL/model-last" --heldout "train/corpus/${LANG_ID}_heldout.spacy" \
  --ship "src/dyad/models/parser-$LANG_ID${VARIANT:+-$VARIANT}" --time-file "$T1" "$T2" \
  --metrics "train/metrics_$LANG_ID$SUFFIX.json"
