"""Typed errors.  Every message names the input (file, key, line, document) and the problem."""

from __future__ import annotations


class QuotesError(Exception):
    """Base of every error quotes raises on purpose."""


class GrammarError(QuotesError):
    """A grammar file that does not load: names the file, the key and the line."""

    def __init__(self, file: str, key: str | None, line: int | None, problem: str):
        self.file, self.key, self.line, self.problem = file, key, line, problem
        where = file
        if line is not None:
            where += f":{line}"
        if key:
            where += f" [{key}]"
        super().__init__(f"{where}: {problem}")


class InputError(QuotesError):
    """An input document or line that cannot be processed."""

    def __init__(self, source: str, problem: str, line: int | None = None):
        self.source, self.problem, self.line = source, problem, line
        where = source if line is None else f"{source}:{line}"
        super().__init__(f"{where}: {problem}")


class EmptyDocumentError(InputError):
    def __init__(self, source: str, line: int | None = None):
        super().__init__(source, "empty document (no text)", line)


class DocumentTooLongError(InputError):
    def __init__(self, source: str, length: int, limit: int, line: int | None = None):
        self.length, self.limit = length, limit
        super().__init__(source, f"document has {length} characters, over the limit of {limit} (--max-chars)", line)


class ModelError(QuotesError):
    """The Stanza models cannot be found or loaded."""
