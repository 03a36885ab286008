"""The keys each grammar file may hold, with the type each value must have, and the
checks `grammar.load` runs against them before it compiles anything: every problem a
`GrammarError` naming the file, the key and the line."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import regex

from .errors import GrammarError

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
                   "prepositional_object": "table[list[str]]", "predicative": "list[str]", "questions": "list[str]", "naming": "list[str]", "generic_sources": "list[str]", "document_readers": "list[str]",
                   "decisions": "table[list[str]]", "criteria": "list[str]",
                   "manner": "list[str]", "works": "list[str]", "colon_predicates": "list[str]"},
        "prepositions": "table[table]",
    },
    "mentions.toml": {
        "honorifics": {"masculine": "list[str]", "feminine": "list[str]", "neutral": "list[str]"},
        "first_names": {"masculine": "list[str]", "feminine": "list[str]", "epicene": "list[str]"},
        "titles": {"words": "list[str]", "generic": "table[list[str]]", "periphrases": "table[list[str]]", "fixed_gender": "list[str]", "story_roles": "list[str]"},
        "organisations": {"words": "list[str]", "firms": "list[str]", "in_name": "list[str]", "documents": "list[str]", "media": "list[str]",
                          "outlets": "list[str]", "agencies": "list[str]", "names": "list[str]",
                          "club_prefixes": "list[str]", "club_words": "list[str]"},
        "groups": {"words": "list[str]", "collectives": "list[str]", "singular_things": "list[str]"},
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


def line_of(text: str, key: str) -> int | None:
    """The line where a dotted key is written: its table header or its assignment."""
    parts = key.split(".")
    lines = text.splitlines()
    start = 0
    if len(parts) > 1:
        header = regex.compile(r"^\s*\[\[?\s*" + regex.escape(parts[0]) + r"\s*\]?\]")
        for i, line in enumerate(lines):
            if header.match(line):
                start = i
                break
    last = parts[-1].strip('"')
    assign = regex.compile(r'^\s*"?' + regex.escape(last) + r'"?\s*=')
    table = regex.compile(r"^\s*\[\[?\s*" + regex.escape(key) + r"\s*\]?\]")
    for i in range(start, len(lines)):
        if assign.match(lines[i]) or table.match(lines[i]):
            return i + 1
    return start + 1 if len(parts) > 1 else None


def read_toml(path: Path) -> tuple[dict, str]:
    if not path.is_file():
        raise GrammarError(str(path), None, None, "file is missing")
    text = path.read_text(encoding="utf-8")
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        if line is None:
            found = regex.search(r"line (\d+)", str(exc))
            line = int(found.group(1)) if found else None
        raise GrammarError(str(path), None, line, f"invalid TOML: {exc}") from None


class Checker:
    def __init__(self, path: Path, text: str):
        self.path, self.text = path, text

    def fail(self, key: str, problem: str):
        raise GrammarError(str(self.path), key, line_of(self.text, key), problem)

    def check(self, data: dict, schema: dict, prefix: str = "") -> None:
        for key in data:
            if key not in schema:
                allowed = ", ".join(schema)
                self.fail(prefix + key, f"unknown key (allowed: {allowed})")
        for key, expected in schema.items():
            if key in data:
                self.value(data[key], expected, prefix + key)

    def value(self, value: Any, expected: Any, key: str) -> None:
        if isinstance(expected, dict):
            if not isinstance(value, dict):
                self.fail(key, "must be a table")
            self.check(value, expected, key + ".")
        elif expected == "list[str]":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                self.fail(key, "must be a list of strings")
            if not value:
                self.fail(key, "must not be empty")
        elif expected == "list[table]":
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                self.fail(key, "must be an array of tables")
        elif expected == "table[list[str]]":
            if not isinstance(value, dict):
                self.fail(key, "must be a table")
            for name, item in value.items():
                self.value(item, "list[str]", f"{key}.{name}")
        elif expected == "table[table]":
            if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
                self.fail(key, "must be a table of tables")
        elif not isinstance(value, expected):
            self.fail(key, f"must be of type {expected.__name__}, got {type(value).__name__}")

    def require(self, data: dict, key: str, prefix: str = "") -> Any:
        if key not in data:
            self.fail(prefix.rstrip(".") or key, f"missing key '{prefix}{key}'")
        return data[key]
