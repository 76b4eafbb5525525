from __future__ import annotations


def sentences(pipeline, text: str, lang: str = "de") -> list[list[str]]:
    return [[t.text for t in tokens] for _, tokens in pipeline.segmenter.sentences(text, lang)]


def test_german_tokens_keep_compounds_abbreviations_and_ordinals(pipeline) -> None:
    [tokens] = sentences(pipeline, "US-Bomber griffen u.a. am 7. Oktober die Kreml-nahen Ziele an.")
    assert "US-Bomber" in tokens and "u.a." in tokens and "7." in tokens and "Kreml-nahen" in tokens


def test_a_german_regnal_number_ends_no_sentence(pipeline) -> None:
    found = sentences(pipeline, "Papst Leo XIV. empfing Selenskyj. Karl III. reiste nach Paris.")
    assert [s[:3] for s in found] == [["Papst", "Leo", "XIV."], ["Karl", "III.", "reiste"]]
    assert sentences(pipeline, "Pope Leo XIV met Zelensky. He spoke.", "en")[0][:3] == ["Pope", "Leo", "XIV"]


def test_quotes_open_the_sentence_they_belong_to(pipeline) -> None:
    found = sentences(pipeline, "Moskau sprach. «Wir sind bereit», sagte Peskow. „Gut“, sagte er.")
    assert found[1][0] == "«" and found[2][0] == "„"
    assert found[0] == ["Moskau", "sprach", "."]


def test_offsets_point_into_the_sentence(pipeline) -> None:
    for text, tokens in pipeline.segmenter.sentences("Dr. Müller traf am 3. März 2022 den Botschafter.", "de"):
        assert all(text[t.start : t.end] == t.text for t in tokens)
        assert tokens[0].text == "Dr."


def test_lemmas(pipeline) -> None:
    tokens = pipeline.segmenter.tokenize("verurteilt gebeten Russlands russischen Gesprächen", "de")
    assert [t.lemma for t in tokens][:2] == ["verurteilen", "bitten"]
    assert tokens[4].lemma == "gespräch"
