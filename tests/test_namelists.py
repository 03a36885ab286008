"""A list of names finds what the regular expression of their alternation, longest first,
between the same boundaries finds: the same places, with the same start and end."""

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.namelists import NameList

WORD = r"[\p{L}\-]"
OUTLET_END = r"[\p{L}\p{N}]|\.\p{L}"


def alternation(names, after, before=None):
    """The expression NameList stands for: the names longest first, between the boundaries."""
    body = "|".join(regex.escape(n) for n in sorted(set(names), key=len, reverse=True))
    return regex.compile((f"(?<!{before})" if before else "") + f"(?:{body})(?!{after})")


def spans(found):
    return [m.span() for m in found]


def test_the_longest_name_that_stands_whole_wins():
    places = NameList(["Corée", "Corée du Nord", "Nord", "Saint-Denis"], after=WORD, before=WORD)
    text = "La Corée du Nord a tiré ; la Corée du Nordiste n'existe pas, Saint-Denis non plus que Denis."
    assert [m.group() for m in places.finditer(text)] == ["Corée du Nord", "Corée", "Saint-Denis"]
    # inside a word, or a hyphenated one, a name is not the place
    assert list(places.finditer("les Nordistes et le pré-Nord")) == []
    m = places.match(text, 3)
    assert (m.group(), m.start(), m.end(), m.span()) == ("Corée du Nord", 3, 16, (3, 16))
    assert places.match(text, 0) is None


def test_the_text_ends_at_endpos_for_the_boundary_after_a_name():
    outlets = NameList(["Le Monde", "Le Monde diplomatique", "AFP"], after=OUTLET_END)
    text = "selon Le Monde.fr et Le Monde diplomatique, puis l'AFP."
    assert [m.group() for m in outlets.finditer(text)] == ["Le Monde diplomatique", "AFP"]
    # cut before ".fr", the name ends where the text does
    assert [m.group() for m in outlets.finditer(text, 0, 14)] == ["Le Monde"]
    assert outlets.match(text, 6, 14).group() == "Le Monde"


def test_an_empty_list_finds_nothing():
    nothing = NameList([], after=WORD, before=WORD)
    assert list(nothing.finditer("Paris")) == [] and nothing.match("Paris") is None


ALPHABET = "aeéLlCcN -'.1"
names = st.lists(st.text(ALPHABET, min_size=1, max_size=6), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(names=names, text=st.text(ALPHABET, max_size=40), data=st.data())
def test_finds_what_the_alternation_finds(names, text, data):
    pos = data.draw(st.integers(0, len(text)))
    endpos = data.draw(st.integers(pos, len(text)))
    for after, before in ((WORD, WORD), (OUTLET_END, None)):
        ours, theirs = NameList(names, after=after, before=before), alternation(names, after, before)
        assert spans(ours.finditer(text)) == spans(theirs.finditer(text))
        assert spans(ours.finditer(text, pos, endpos)) == spans(theirs.finditer(text, pos, endpos))
        for mine, reference in ((ours.match(text, pos), theirs.match(text, pos)),
                                (ours.match(text, pos, endpos), theirs.match(text, pos, endpos))):
            assert (mine and mine.span()) == (reference and reference.span())
