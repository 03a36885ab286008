"""Who is quoted most, from records JSONL on stdin, counted by DuckDB as the stream comes.

    quotes extract seeds/ -q | python examples/top_speakers.py [LIMIT]

DuckDB reads /dev/stdin once: naming the columns spares it the second read that
guessing a schema would need, which a pipe cannot give.
"""

import sys

import duckdb

limit = int(sys.argv[1]) if len(sys.argv) > 1 else 20
duckdb.sql(f"""
    select speaker, speaker_type, count(*) as quotes
    from read_json('/dev/stdin', format = 'newline_delimited',
                   columns = {{speaker: 'VARCHAR', speaker_type: 'VARCHAR'}})
    group by all order by quotes desc, speaker limit {limit}
""").show(max_rows=limit)
