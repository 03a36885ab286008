"""The typographic scanner: properties over generated text, and one example per style."""

from hypothesis import given
from hypothesis import strategies as st

from quotes import grammar as grammar_module
from quotes.scanner import Scanner

G = grammar_module.load("fr")
SCANNER = Scanner(G)
PAIRS = {p.name: p for p in G.pairs}
WORDS = ["la", "Russie", "a", "déclaré", "que", "l'État", "aujourd'hui", "l’année", "pays", "Corée", "du", "Nord",
         "traité", "mardi", "11", "000", "soldats", "d'alliance", "n’exclut", "pas", "et", "c'est", "très", "été", "Kim"]
SPACES = ["", " ", "\u00a0", "\u202f"]
# „ … “ cannot hold a “ … ” quote: its closing “ is also the inner opener.
INCOMPATIBLE = {("low-double", "curly-double"), ("curly-double", "low-double")}

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)


@st.composite
def quoted_text(draw):
    outer = PAIRS[draw(st.sampled_from(sorted(PAIRS)))]
    pad = draw(st.sampled_from(SPACES)) if not outer.symmetric and outer.name != "curly-single" else ""
    content = draw(words)
    if draw(st.booleans()):
        inner_choices = [n for n in sorted(PAIRS) if n != outer.name and (outer.name, n) not in INCOMPATIBLE
                         and PAIRS[n].open != outer.close and PAIRS[n].close != outer.close]
        inner = PAIRS[draw(st.sampled_from(inner_choices))]
        content = f"{draw(words)} {inner.open}{draw(words)}{inner.close} {draw(words)}"
    if not outer.symmetric and draw(st.booleans()):
        second = draw(words)
        reopen = outer.name == "guillemets" and draw(st.booleans())
        content = content + "\n" + (outer.open + pad if reopen else "") + second
    prefix = draw(words) + " "
    suffix = draw(st.sampled_from([" ", ", ", ". ", " : "])) + draw(words) + "."
    text = prefix + outer.open + pad + content + pad + outer.close + suffix
    start = len(prefix) + 1 + len(pad)
    return text, start, start + len(content), outer.name


@given(st.text())
def test_never_raises_and_spans_are_valid(text):
    for q in SCANNER.scan(text):
        assert 0 <= q.open_start <= q.start < q.end <= q.close_end <= len(text)
        assert text[q.start:q.end].strip() == text[q.start:q.end]


@given(st.text(alphabet=st.sampled_from(list("«»“”„‘’‹›\"' \n\u00a0\u202fabcé.,—–")), max_size=60))
def test_mark_soup_never_raises(text):
    for q in SCANNER.scan(text):
        assert 0 <= q.open_start <= q.start < q.end <= q.close_end <= len(text)


@given(quoted_text())
def test_generated_quotes_are_found_with_their_exact_span(case):
    text, start, end, style = case
    outer = [q for q in SCANNER.scan(text) if q.depth == 0 and q.style == style]
    assert [(q.start, q.end) for q in outer] == [(start, end)], (text, outer)
    assert all(q.balanced for q in outer)


@given(st.text(max_size=200))
def test_scanning_is_deterministic(text):
    assert SCANNER.scan(text) == SCANNER.scan(text)


def spans(text):
    return [(text[q.start:q.end], q.balanced) for q in SCANNER.scan(text)]


def test_guillemets_with_every_space():
    for space in SPACES:
        text = f"Il a dit «{space}nous resterons{space}» hier."
        assert spans(text) == [("nous resterons", True)]


def test_every_style():
    assert spans("“Oui”, „Ja“, ‹ oui ›, ‘yes’, \"si\", 'da'.") == [
        ("Oui", True), ("Ja", True), ("oui", True), ("yes", True), ("si", True), ("da", True)]


def test_apostrophes_are_not_marks():
    assert spans("L'État et aujourd'hui l’année d’alliance.") == []


def test_nested_quote_of_another_style():
    found = SCANNER.scan("Il a dit « le slogan “paix” reste » hier.")
    assert [(q.style, q.depth) for q in found] == [("guillemets", 0), ("curly-double", 1)]


def test_paragraphs_reopened_french_style():
    text = "« Premier paragraphe.\n« Second paragraphe. »"
    assert spans(text) == [("Premier paragraphe.\n« Second paragraphe.", True)]


def test_paragraphs_without_reopening():
    text = "« Premier paragraphe.\nSecond paragraphe. »"
    assert spans(text) == [("Premier paragraphe.\nSecond paragraphe.", True)]


def test_unclosed_quote_ends_at_its_paragraph():
    assert spans("Il a dit « jamais fermé\nAutre paragraphe.") == [("jamais fermé", False)]


def test_guillemet_used_to_close():
    text = "son pays «se tiendrait aux côtés des camarades jusqu’au Jour de la Victoire« ."
    assert spans(text) == [("se tiendrait aux côtés des camarades jusqu’au Jour de la Victoire", False)]


def test_mixed_styles_as_in_seed_003():
    text = "l’offensive est une «lutte sacrée“Elle a salué ainsi.”sagesse» de Vladimir Poutine."
    assert spans(text)[0] == ("lutte sacrée", False)


def test_dash_dialogue_lines():
    assert spans("— Oui, dit-il.\n– Non.\n- BY liste") == [("Oui, dit-il.", True), ("Non.", True)]


def test_straight_marks_with_french_spacing():
    text = 'Selon le porte-parole, " plus de la moitié des électeurs ont voté " et la réforme passe.'
    (span,) = SCANNER.scan(text)
    assert text[span.start:span.end] == "plus de la moitié des électeurs ont voté" and span.balanced
    # a lone spaced mark, with no other in its paragraph, is no quotation
    lone = 'Un écran de 27 " coûte cher.\nIl a dit "non".'
    assert [lone[s.start:s.end] for s in SCANNER.scan(lone)] == ["non"]


def test_straight_mark_closed_by_a_guillemet():
    # typed on one side, set by an editor on the other: one quotation
    assert spans('" Nous partirons demain, avec ou sans accord », a dit le maire.') == [
        ("Nous partirons demain, avec ou sans accord", True)]
    assert spans('Elle a ajouté : " Rien ne presse ”.') == [("Rien ne presse", True)]
    # a guillemet that closes its own opener leaves a lone spaced mark alone
    assert spans('Un écran de 27 " et le « plan » du maire.') == [("plan", True)]
