"""Grammars shipped with quotes: one folder per grammar, TOML files only."""
