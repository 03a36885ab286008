"""Attribution: from parsed sentences, their cues and quotations to reporting events.

Each event has a content span, a type (direct / indirect / mixed), a cue, the
words that name its speaker (resolved to an entity later, by speakers.py) and the
name of the construction rule that made it.  The rules live in `rules/`, one
construction each; the grammar's `attribution.toml` names which run and in what
order.
"""

from __future__ import annotations

from typing import Optional

import attrs
import regex

from ..errors import GrammarError
from ..grammar import Grammar
from ..grammar_schema import line_of
from ..model import CueMatch, QuotedSpan
from ..parsing import ParsedUnit
from .context import Context, UnitView
from .events import Event, Mention, is_headline
from .narrative import opens_narrative
from .rules import RULES, Rule
from .rules.prepositions import SPEAKER_ONLY
from .spans import CITING, cited_by
from .syntax import Syntax

__all__ = ["Attributor", "Event", "Mention", "RULES", "Rule", "SPEAKER_ONLY", "UnitView", "is_headline", "opens_narrative", "rules_of"]


def rules_of(grammar: Grammar) -> tuple[Rule, ...]:
    """The grammar's rules in its order; an unknown name is an error that names the
    file, the key and the line."""
    out = []
    for name in grammar.rule_order:
        if name not in RULES:
            path = grammar.path / "attribution.toml"
            line = line_of(path.read_text(encoding="utf-8"), "rules.order") if path.is_file() else None
            raise GrammarError(str(path), "rules.order", line, f"unknown rule {name!r} (known: {', '.join(RULES)})")
        out.append(RULES[name])
    return tuple(out)


class Attributor:
    def __init__(self, grammar: Grammar):
        self.g = grammar
        self.syntax = Syntax(grammar)
        self.rules = rules_of(grammar)

    def mention(self, sent, head, text, stop=None, keep_clauses=False) -> Mention:
        return self.syntax.mention(sent, head, text, stop, keep_clauses)

    def attribute(self, text: str, parsed: list[ParsedUnit], quotes: list[QuotedSpan], cues: list[CueMatch]) -> list[Event]:
        ctx = Context(text, parsed, [q for q in quotes if q.depth == 0], cues, self.g, self.syntax)
        for r in self.rules:
            r.apply(ctx)
        events = _drop_embedded(ctx.events, ctx.quotes, ctx.grammar.verb_class)
        events = _credit_relays(ctx, events)
        events = [_citing(ctx, e) for e in events]
        events.sort(key=lambda e: (e.start, e.end))
        return events


def _drop_embedded(events: list[Event], quotes, verb_class: dict[str, str]) -> list[Event]:
    """A report whose cue stands inside another report's quotation is part of what
    was quoted ("« Ils m'ont dit : ... »"); one inside indirect content ("a révélé
    que X accuse Y de ...") is a report of its own, unless it is a belief the outer
    speaker ascribes ("a dit que le pays croyait que ..."): nobody said it."""
    kept: list[Event] = []
    quoted = [(q.open_start, q.close_end) for q in quotes]
    for e in events:
        outer = [o for o in events if o is not e and o.start <= e.cue_start < o.end
                 and not (o.start <= e.start and e.end <= o.end and o.cue_start == e.cue_start)
                 and (o.type == "direct" or any(a <= e.cue_start < b for a, b in quoted) or not _named_inside(e, o)
                      or verb_class.get(e.cue) == "belief")]
        if outer:
            continue
        if any(k.start == e.start and k.end == e.end for k in kept):
            continue
        kept.append(e)
    return kept


def _named_inside(inner: Event, outer: Event) -> bool:
    """Does the inner report name a speaker of its own inside the outer content?  An
    infinitive ("a dit souhaiter des sanctions") or a pronoun ("a annoncé qu'il
    décrétait") continues the outer speaker's report; a relative clause does not,
    whatever its subject: "a critiqué les élus qu'elle tient pour responsables
    du retard" says what the critic says of them besides the critique."""
    m = inner.mention
    if m is None or not outer.start <= m.start < outer.end:
        return False
    if m.head.upos != "PRON":
        return True
    verb = m.sentence.word(m.head.head) if m.head.head else None
    return verb is not None and verb.deprel == "acl:relcl" and verb.start == inner.cue_start


def _citing(ctx: Context, e: Event) -> Event:
    """"..., a indiqué le quotidien citant un proche du dossier": the source cited speaks,
    the one citing relays it."""
    m = e.mention
    found = CITING.match(ctx.text, m.end) if m is not None else None
    if found is None:
        return e
    after = [w for w in m.sentence.words if w.start >= found.end()]
    head = next((w for w in after if w.upos in ("NOUN", "PROPN")), None)
    if head is None or any(w.upos in ("VERB", "AUX", "PUNCT") and w.start < head.start for w in after):
        return e
    return attrs.evolve(e, mention=ctx.syntax.mention(m.sentence, head, ctx.text), cited_mention=m)


def _credit_relays(ctx: Context, events: list[Event]) -> list[Event]:
    """"..., cité par X": X is the cited source of every report of its sentence, and no
    part of a speaker it follows ("un porte-parole du Kremlin, cité par l'agence TASS")."""
    out = list(events)
    for _, sent in ctx.sentences():
        relay = cited_by(ctx.text, sent)
        if relay is None:
            continue
        # "l'agence Reuters" is Reuters, as "à l'agence Reuters" is
        source = _MEDIA_NOUN.sub(lambda m: "" if m.group(1).lower() in ctx.grammar.media else m.group(), relay.group(2).strip())
        written = (relay.group(1) or "").capitalize() + source
        if relay.group(1) and written in ctx.grammar.outlets:
            source = written  # "rapportés par Le Monde": the newspaper's written name
        # "selon des propos rapportés par le quotidien X": X, not the words it relayed
        out = [attrs.evolve(e, cited_source=source if e.cited_source is None or relay.group(2) in e.cited_source else e.cited_source,
                            mention=_before(ctx, e.mention, relay.start()))
               if sent.start <= e.cue_start < sent.end else e for e in out]
    return out


_MEDIA_NOUN = regex.compile(r"^(\p{Ll}+)\s+(?=\p{Lu})")


def _before(ctx: Context, mention: Optional[Mention], at: int) -> Optional[Mention]:
    """The mention without what follows `at`, when `at` falls after its head."""
    if mention is None or not mention.head.end <= at < mention.end:
        return mention
    return mention.until(ctx.text, at)

