#!/usr/bin/env bash
# Who is quoted most in a corpus: quotes streams JSONL, DuckDB reads it from stdin.
set -euo pipefail
quotes extract "${1:-seeds/}" -q | duckdb -c "
  select speaker, speaker_type, count(*) as quotes
  from read_json_auto('/dev/stdin') group by all order by quotes desc limit 20"
