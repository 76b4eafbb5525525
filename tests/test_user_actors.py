from __future__ import annotations

import pytest

from dyad.actors.actor_files import ActorFileError
from dyad.pipeline import Pipeline
from dyad.read import RawDocument


def test_user_actor_file_adds_actors_and_spellings(tmp_path) -> None:
    actors = tmp_path / "my_actors.tsv"
    actors.write_text(
        "name\tcode\tcountry\trole\tkind\tforms\n"
        "Azov Brigade\tUKRMIL\tUKR\tMIL\tgroup\tAsow-Brigade|Azov Brigade\n"
        "Vladimir Putin\t\t\t\t\tWowa\n",
        encoding="utf-8",
    )
    pipeline = Pipeline.load([actors])
    text = "Die Asow-Brigade griff russische Stellungen an. Wowa kritisierte Polen."
    events = pipeline.code(RawDocument(text=text, origin="t", language="de")).events
    found = {(e.source.actor.code, e.cameo, e.target.actor.country if e.target else None) for e in events}
    assert ("UKRMIL", "190", "RUS") in found
    assert ("RUSGOV", "111", "POL") in found


def test_bad_user_actor_file_is_one_clear_error(tmp_path) -> None:
    actors = tmp_path / "bad.tsv"
    actors.write_text("name\tcode\tcountry\trole\tkind\tforms\nSomebody\t\t\t\t\t\n", encoding="utf-8")
    with pytest.raises(ActorFileError, match="row 2 lacks"):
        Pipeline.load([actors])
    with pytest.raises(ActorFileError, match="not found"):
        Pipeline.load([tmp_path / "missing.tsv"])
