"""The press's narrative infinitive: "Et d'ajouter : « ... »", "Et de préciser que ...",
"Avant de conclure".  It opens its sentence and has no subject of its own: its speaker is
the one the text spoke of before.  Attribution reads it off a parsed sentence (to take no
subject from the parse), the speaker stage off the text before a cue (to look back)."""

from __future__ import annotations

import regex

from ..parsing import Sentence, Word

LEADS = ("et", "puis", "avant")
_DE = ("de", "d'", "d’")
_SPACE = r"[ \t\u00a0\u202f]"
_BEFORE_CUE = regex.compile(r"(?:^|[.!?…»”\n])" + _SPACE + r"*(?:" + "|".join(lead.capitalize() for lead in LEADS) + ")"
                            + _SPACE + r"+d(?:e" + _SPACE + r"+|['’])$")


def narrative_infinitive(sent: Sentence, w: Word) -> bool:
    """An infinitive opening its sentence after "Et de", "Avant de", "Puis de"."""
    if w.feat("VerbForm") != "Inf" or w.id > 4:
        return False
    lead = [x.text.lower() for x in sent.words[: w.id - 1] if x.upos != "PUNCT"]
    return len(lead) == 2 and lead[0] in LEADS and lead[1] in _DE


def opens_narrative(text: str, cue_start: int) -> bool:
    """Whether the cue at `cue_start` is such an infinitive, from the text before it."""
    return _BEFORE_CUE.search(text, max(0, cue_start - 20), cue_start) is not None
