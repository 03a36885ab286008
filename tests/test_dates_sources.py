"""Dates, outlets, HTML pages and boilerplate on inputs written to look real."""

import json
import subprocess
import sys

import pytest

from quotes import boilerplate, dates, sources
from quotes.attribution import Event
from quotes.model import Document

from conftest import SEEDS


def _event(text, phrase, quote):
    cue = text.index(phrase)
    start = text.index(quote)
    return Event(start, start + len(quote), "indirect", "déclarer", cue, cue + len(phrase), None, 0)


def test_document_date_from_metadata_keeps_its_precision():
    assert dates.document_date(Document("a", "x", date="2024-11-01T14:19:00+01:00"), "x").iso == "2024-11-01T14:19"
    assert dates.document_date(Document("a", "x", date="2024-09"), "x").iso == "2024-09"
    assert dates.document_date(Document("a", "x", date="12 mars 2024"), "x").iso == "2024-03-12"


def test_document_date_from_the_text_of_the_seeds():
    for name, iso in (("001_a515092d39b7bbda.txt", "2024-11-01T14:19"), ("004_1aa1331738360327.txt", "2024-09")):
        text = (SEEDS / name).read_text(encoding="utf-8")
        assert dates.document_date(Document(name, text), text).iso == iso
    text = "PARIS (AFP) — Publié le 12 mars 2024 à 10h. Le ministre a parlé."
    assert dates.document_date(Document("w", text), text).iso == "2024-03-12"


def test_relative_quote_dates_resolve_against_the_document_date():
    text = "Vendredi dernier, le ministre a déclaré que la réforme avancerait."
    base = dates.DateValue("2024-11-04", "2024-11-04")
    got = dates.quote_date(text, _event(text, "déclaré", "la réforme avancerait"), base)
    assert (got.text, got.iso) == ("Vendredi dernier", "2024-11-01")
    text = "Hier, le ministre a déclaré que la réforme avancerait."
    assert dates.quote_date(text, _event(text, "déclaré", "la réforme avancerait"), base).iso == "2024-11-03"
    text = "Le 30 novembre, le ministre a déclaré que la réforme avancerait."
    got = dates.quote_date(text, _event(text, "déclaré", "la réforme avancerait"), base)
    assert got.iso == "2023-11-30"   # a date after the document date belongs to the year before


def test_quote_date_without_document_date_is_text_only():
    text = "Lundi 11 novembre, Kiev a déclaré que la ligne tenait."
    got = dates.quote_date(text, _event(text, "déclaré", "la ligne tenait"), None)
    assert (got.text, got.iso) == ("Lundi 11 novembre", None)


def test_a_date_inside_the_quote_is_not_the_quote_date():
    text = "Le ministre a déclaré que « le 9 mai sera une fête »."
    assert dates.quote_date(text, _event(text, "déclaré", "le 9 mai sera une fête"), None) is None


def test_outlets():
    assert sources.outlet(Document("a", "x", url="https://www.lemonde.fr/a/b"), "x") == "lemonde.fr"
    assert sources.outlet(Document("a", "x", outlet="Le Monde"), "x") == "Le Monde"
    for name, outlet in (("003_34299a22f423a176.txt", "LINFO.re"), ("002_1083638a956cab33.txt", "Rédaction Crésus")):
        text = (SEEDS / name).read_text(encoding="utf-8")
        assert sources.outlet(Document(name, text), text) == outlet


def test_boilerplate_lines_are_blanked_in_place(grammar):
    text = ("Titre de l'article sur la réforme des retraites\n\nLe ministre a parlé.\n"
            "PREV TÉMOIGNAGE «Chaque jour je l’imagine», confie la mère\n> A lire aussi : autre chose\n"
            "Titre de l'article sur la réforme des retraites\n")
    clean = boilerplate.clean(text, grammar)
    assert len(clean) == len(text)
    assert "Le ministre a parlé." in clean and "PREV" not in clean and "A lire aussi" not in clean
    assert clean.count("Titre de l'article") == 1


def test_boilerplate_teaser_gives_no_record():
    import quotes

    text = ("Le ministre Jean Roux a déclaré que la réforme serait adoptée.\n"
            "PREV TÉMOIGNAGE «Chaque jour je l’imagine rentrer», confie la mère de Paul\n")
    out = quotes.extract(text, id="b")
    assert [r.speaker.name for r in out] == ["Jean Roux"]


HTML = """<!doctype html><html><head><title>Réforme – Le Courrier</title>
<meta property="og:site_name" content="Le Courrier du Soir">
<meta property="article:published_time" content="2024-03-12T09:30:00+01:00">
</head><body><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<article><h1>La réforme avance</h1>
<p>Le ministre du Travail Paul Girard a déclaré mardi que la réforme serait votée avant l'été.</p>
<p>« Nous tiendrons le calendrier fixé par le gouvernement », a ajouté le ministre Paul Girard.</p>
<p>Les syndicats ont appelé à une nouvelle journée de mobilisation dans tout le pays jeudi.</p>
</article><footer>© Le Courrier du Soir — Mentions légales — Partager</footer></body></html>"""


def test_html_page_end_to_end_through_the_cli(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(HTML, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "quotes.cli", "extract", str(page)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["speaker"] for r in out[:2]] == ["Paul Girard", "Paul Girard"]
    # A call with its object is a demand: "ont appelé à une nouvelle journée de mobilisation".
    assert [(r["cue"], r["quote"]) for r in out[2:]] == [("appeler", "une nouvelle journée de mobilisation")]
    assert {r["source"] for r in out} == {"Le Courrier du Soir"}
    assert {r["date"] for r in out} == {"2024-03-12T09:30"}
    assert out[1]["type"] == "direct"
    assert out[0]["quote_date_text"] == "mardi" and out[0]["quote_date"] == "2024-03-12"


@pytest.mark.parametrize("text", ["18 mai 2016", "1er juin 2020", "3 Août 2021", "31 avril 2020", "12 decembre 1999",
                                  "29 février 2023", "7 septembre 1870"])
def test_a_whole_date_read_without_dateparser_is_what_dateparser_reads(text):
    import dateparser

    from quotes.dates import _parse

    theirs = dateparser.parse(text, languages=["fr"], settings={"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"})
    assert _parse(text) == theirs
