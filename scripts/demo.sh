#!/usr/bin/env bash
# Set up, code the example articles (and the seed articles in ../shared/seeds when present) into dyad.duckdb,
# and print the events as a table.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
inputs=(examples)
if [ -d ../shared/seeds ]; then inputs+=(../shared/seeds); fi
for input in "${inputs[@]}"; do
  .venv/bin/dyad ingest "$input" --db dyad.duckdb
done
.venv/bin/dyad events --db dyad.duckdb
echo "Stored in dyad.duckdb. Try: .venv/bin/dyad events --db dyad.duckdb --dyad RUS,USA --format jsonl"
echo "Dashboard: .venv/bin/dyad serve --db dyad.duckdb   then open http://127.0.0.1:8000/ (API docs at /docs)"
