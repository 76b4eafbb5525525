"""German press spellings of English-romanised names (dyad.actors.transliterate, lang/de/transliteration.toml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.actors.transliterate import MAX_FORMS, Transliterator
from dyad.resources import read_tsv

DATA = Path(__file__).parent / "data"
NAMES = [(row["country"], row["name"], row["german"]) for row in read_tsv(DATA / "transliteration_names.tsv")]
HELD_OUT = [(row["country"], row["name"], row["german"]) for row in read_tsv(DATA / "transliteration_heldout.tsv")]


@pytest.fixture(scope="module")
def translit() -> Transliterator:
    return Transliterator.load("de")


@pytest.mark.parametrize(
    ("country", "name", "german"),
    [
        ("RUS", "Lavrov", "Lawrow"),
        ("UKR", "Zelensky", "Selenskyj"),
        ("RUS", "Shoigu", "Schoigu"),
        ("IRN", "Khamenei", "Chamenei"),
        ("ISR", "Netanyahu", "Netanjahu"),
        ("BLR", "Lukashenko", "Lukaschenko"),
        ("BLR", "Tikhanovskaya", "Tichanowskaja"),
        ("RUS", "Navalny", "Nawalny"),
        ("RUS", "Medvedev", "Medwedew"),
        ("RUS", "Peskov", "Peskow"),
        ("RUS", "Zakharova", "Sacharowa"),
        ("RUS", "Kadyrov", "Kadyrow"),
        ("UKR", "Yanukovych", "Janukowytsch"),
        ("UKR", "Sybiha", "Sybiha"),
        ("UKR", "Kuleba", "Kuleba"),
        ("UKR", "Zaluzhny", "Saluschnyj"),
        ("UKR", "Klitschko", "Klitschko"),
        ("RUS", "Khodorkovsky", "Chodorkowski"),
        ("RUS", "Zhirinovsky", "Schirinowski"),
        ("IRN", "Rouhani", "Ruhani"),
        ("IRN", "Araghchi", "Araghtschi"),
        ("IRN", "Raisi", "Raisi"),
        ("PSE", "Abbas", "Abbas"),
        ("LBN", "Nasrallah", "Nasrallah"),
        ("SYR", "Assad", "Assad"),
        ("EGY", "Sisi", "Sisi"),
        ("EGY", "al-Sisi", "al-Sisi"),
        ("IRN", "Ahmadinejad", "Ahmadinedschad"),
        ("PSE", "Haniyeh", "Hanija"),
        ("PSE", "Sinwar", "Sinwar"),
        ("PRK", "Kim Jong Un", "Kim Jong Un"),
        ("CHN", "Xi Jinping", "Xi Jinping"),
        ("RUS", "Sergey Lavrov", "Sergej Lawrow"),
        ("RUS", "Sergey", "Sergej"),
        ("RUS", "Dmitry", "Dmitri"),
        ("RUS", "Yulia", "Julia"),
        ("RUS", "Mikhail", "Michail"),
        ("RUS", "Alexei", "Alexej"),
        ("UKR", "Volodymyr", "Wolodymyr"),
        ("IRN", "Mohammad", "Mohammed"),
        ("SAU", "Mohamed", "Mohammed"),
    ],
)
def test_brief_examples(translit: Transliterator, country: str, name: str, german: str) -> None:
    forms = translit.forms(name, country)
    assert forms == [] if german == name else german in forms


def test_brief_departures(translit: Transliterator) -> None:
    """Where the German press differs from the brief's list: Wladimir Putin, Petro Poroschenko, Sarif."""
    assert translit.forms("Vladimir", "RUS") == ["Wladimir"]
    assert translit.forms("Poroshenko", "UKR") == ["Poroschenko"]
    assert translit.forms("Zarif", "IRN") == ["Sarif"]


@pytest.mark.parametrize(("country", "name", "german"), NAMES, ids=[f"{c}-{n}" for c, n, _ in NAMES])
def test_public_names(translit: Transliterator, country: str, name: str, german: str) -> None:
    forms = translit.forms(name, country)
    assert forms == [] if german == name else forms[0] == german


def test_enough_names_per_group(translit: Transliterator) -> None:
    counts: dict[str, int] = {}
    for country, _, _ in NAMES:
        group = translit.group_of(country)
        assert group is not None, country
        base = "persian" if group.name == "afghan" else group.name
        base = "caucasus_central_asia" if base == "kazakh" else base
        counts[base] = counts.get(base, 0) + 1
    assert all(count >= 40 for count in counts.values()), counts


def test_held_out_accuracy(translit: Transliterator, capsys: pytest.CaptureFixture[str]) -> None:
    """Names never used to tune the rules: print the accuracy, require a floor."""
    first = listed = 0
    misses = []
    for country, name, german in HELD_OUT:
        forms = translit.forms(name, country)
        top = forms[0] if forms else name
        first += top == german
        listed += german in [name, *forms]
        if top != german:
            misses.append(f"{name} -> {top} (want {german})")
    with capsys.disabled():
        print(f"\nheld-out: {first}/{len(HELD_OUT)} first form right, {listed}/{len(HELD_OUT)} among name and forms")
        print("\n".join(f"  miss: {miss}" for miss in misses))
    assert first >= 0.75 * len(HELD_OUT)


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Emmanuel Macron", "FRA"),
        ("Jean-Yves Le Drian", "FRA"),
        ("Zachary Taylor", "USA"),
        ("Joe Biden", "USA"),
        ("Kamala Harris", "USA"),
        ("Recep Tayyip Erdoğan", "TUR"),
        ("Narendra Modi", "IND"),
        ("Abdelmadjid Tebboune", "DZA"),
        ("Olaf Scholz", "DEU"),
        ("Volodymyr Zelensky", "XXX"),
    ],
)
def test_other_countries_unchanged(translit: Transliterator, name: str, country: str) -> None:
    assert translit.forms(name, country) == []


def test_language_without_rules_gives_nothing() -> None:
    assert Transliterator.load("en").forms("Sergey Lavrov", "RUS") == []
    assert Transliterator.load("xx").forms("Sergey Lavrov", "RUS") == []


def test_forms_exclude_the_name_and_stay_few(translit: Transliterator) -> None:
    assert "Kim Jong Un" not in translit.forms("Kim Jong Un", "PRK")
    assert len(translit.forms("Mohamed Mohammad Muhammad Mohamad Mohammed", "EGY")) <= MAX_FORMS
    assert translit.forms("  Sergey   Lavrov ", "rus") == ["Sergej Lawrow"]
    assert translit.forms("", "RUS") == []


def test_case_is_kept(translit: Transliterator) -> None:
    assert translit.forms("Mohamed ElBaradei", "EGY") == ["Mohammed ElBaradei"]
    assert translit.forms("Abdullah II", "JOR") == []
    assert translit.forms("Abdul-Malik al-Houthi", "YEM") == ["Abdul-Malik al-Huthi"]
    assert translit.forms("SERGEY LAVROV", "RUS") == ["SERGEJ LAWROW"]
    assert translit.forms("Pyotr I", "RUS") == ["Pjotr I"]
    assert translit.forms("Mohammed VI", "SAU") == []


def test_rules_and_contexts_from_config() -> None:
    config = {
        "group": {
            "base": {"countries": ["AAA"], "rules": [["v", "w"], ["s", "ss", "between_vowels"]]},
            "child": {"countries": ["BBB"], "base": "base", "rules": [["v", "f", "end"]], "exceptions": {"Ivo": []}},
        }
    }
    translit = Transliterator.from_config(config)
    assert translit.forms("Vasov", "AAA") == ["Wassow"]
    assert translit.forms("Vasov", "BBB") == ["Wassof"]
    assert translit.forms("Ivo", "BBB") == []
    assert translit.forms("Petrosyan", "AAA") == []  # a y before a vowel is a consonant: no ss


def test_bad_config_is_refused() -> None:
    with pytest.raises(ValueError, match="context"):
        Transliterator.from_config({"group": {"g": {"countries": ["AAA"], "rules": [["a", "b", "nowhere"]]}}})
    with pytest.raises(ValueError, match="AAA"):
        Transliterator.from_config({"group": {"g": {"countries": ["AAA"]}, "h": {"countries": ["AAA"]}}})
    with pytest.raises(ValueError, match="cycle"):
        Transliterator.from_config({"group": {"g": {"base": "h"}, "h": {"base": "g"}}})
