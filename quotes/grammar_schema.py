"""The keys each grammar file may hold, with the type each value must have: what
`grammar.load` validates before it compiles anything."""

from __future__ import annotations

from typing import Any

# The keys each file may hold, with the type each value must have.
# A nested dict describes a table; `list[str]` a list of strings.
SCHEMA: dict[str, dict[str, Any]] = {
    "grammar.toml": {"name": str, "language": str, "description": str, "files": "list[str]"},
    "marks.toml": {
        "pair": "list[table]",
        "dialogue": {"dashes": "list[str]"},
        "scare": {"max_words": int},
    },
    "cues.toml": {
        "verbs": "table[list[str]]",
        "phrases": "table[table]",
        "irregular": "table[list[str]]",
        "frames": {"object_infinitive": "list[str]", "noun_clause": "list[str]", "citing": "list[str]", "content_nouns": "list[str]",
                   "excluded_subjects": "list[str]", "infinitive": "list[str]", "noun_object": "list[str]", "time_words": "list[str]",
                   "connectors": "list[str]", "speaking_nouns": "list[str]",
                   "prepositional_object": "table[list[str]]", "predicative": "list[str]", "questions": "list[str]", "generic_sources": "list[str]",
                   "decisions": "table[list[str]]", "criteria": "list[str]",
                   "manner": "list[str]", "works": "list[str]", "colon_predicates": "list[str]"},
        "prepositions": "table[table]",
    },
    "mentions.toml": {
        "honorifics": {"masculine": "list[str]", "feminine": "list[str]", "neutral": "list[str]"},
        "first_names": {"masculine": "list[str]", "feminine": "list[str]", "epicene": "list[str]"},
        "titles": {"words": "list[str]", "generic": "table[list[str]]", "fixed_gender": "list[str]"},
        "organisations": {"words": "list[str]", "in_name": "list[str]", "documents": "list[str]", "media": "list[str]",
                          "outlets": "list[str]", "names": "list[str]"},
        "groups": {"words": "list[str]", "singular_things": "list[str]"},
        "pronouns": {"masculine": "list[str]", "feminine": "list[str]", "plural": "list[str]"},
        "places": {"words": "list[str]", "streets": "list[str]"},
    },
    "boilerplate.toml": {"lines": {"patterns": "list[str]", "drop_repeated_lines": bool}},
    "attribution.toml": {"rules": {"order": "list[str]"}},
}
# The construction rules a grammar without attribution.toml runs, in this order.
DEFAULT_RULES = ("que_clause", "noun_clause", "object_infinitive", "quoted_object", "preposition",
                 "quote_then_cue", "dash_signature", "colon_intro", "floating")
PAIR_KEYS = {"name": str, "open": str, "close": str, "symmetric": bool}
PHRASE_KEYS = {"verb": str, "words": "list[str]", "class": str}
PREPOSITION_KEYS = {"words": "list[str]", "class": str, "sentence_initial": bool}
