#!/usr/bin/env bash
# Who is quoted most in a corpus: quotes streams JSONL, DuckDB (the Python package that
# quotes depends on, no separate duckdb command needed) counts it from stdin.
#   examples/duckdb_speakers.sh [CORPUS]        (default: seeds/)
set -euo pipefail
quotes extract "${1:-seeds/}" -q | python "$(dirname "$0")/top_speakers.py" 20
