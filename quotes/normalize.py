"""NFC normalisation that keeps a map back to the user's original offsets."""

from __future__ import annotations

import unicodedata

import attrs


@attrs.frozen
class Normalized:
    text: str
    _to_original: tuple[int, ...] | None  # None: the text did not change

    def original(self, offset: int) -> int:
        """The offset in the original text of a normalised offset."""
        if self._to_original is None:
            return offset
        return self._to_original[min(offset, len(self._to_original) - 1)]


def normalize(text: str) -> Normalized:
    if unicodedata.is_normalized("NFC", text):
        return Normalized(text, None)
    pieces: list[str] = []
    to_original: list[int] = []
    start = 0
    # Normalise chunk by chunk, each chunk a starter and its combining marks,
    # so every output character maps to the chunk it came from.
    for i in range(1, len(text) + 1):
        if i == len(text) or unicodedata.combining(text[i]) == 0:
            chunk = unicodedata.normalize("NFC", text[start:i])
            pieces.append(chunk)
            to_original.extend([start] * len(chunk))
            start = i
    to_original.append(len(text))
    return Normalized("".join(pieces), tuple(to_original))
