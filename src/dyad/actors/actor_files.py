"""Actor data files: which files hold the language-neutral actors, and a user's actor file checked before use."""

from __future__ import annotations

from pathlib import Path

from dyad.resources import data_path, read_tsv

ACTOR_COLUMNS = ("name", "code", "country", "role", "kind", "forms")


class ActorFileError(ValueError):
    pass


def is_genitive(variant: str, variants: list[str]) -> bool:
    """Whether a form of a name is its genitive: another form of it + "s" ("Russlands", "des Auswärtigen Amts")."""
    return variant.endswith("s") and variant[:-1] in variants


def neutral_actor_files() -> list[Path]:
    """data/actors.tsv (the hand-tuned core), then data/actors/*.tsv (national institutions by region)."""
    folder = data_path("data", "actors")
    return [data_path("data", "actors.tsv"), *(sorted(folder.glob("*.tsv")) if folder.is_dir() else [])]


def known_actor_names() -> set[str]:
    return {row["name"] for path in neutral_actor_files() for row in read_tsv(path)}


def relative(path: Path) -> str:
    """A package data file's name as the docs write it: "data/actors.tsv", "lang/de/actors/x.tsv"."""
    parts = path.parts
    return "/".join(parts[parts.index("dyad") + 1 :]) if "dyad" in parts else str(path)


def read_user_actor_file(path: Path, known: set[str]) -> list[dict[str, str]]:
    """A user's actor file: TSV with the columns of data/actors.tsv (name, code, country, role, kind, forms).
    A row naming a known actor needs only `name` and `forms`."""
    if not path.exists():
        raise ActorFileError(f"{path}: actor file not found")
    try:
        rows = list(read_tsv(path))
    except (UnicodeDecodeError, ValueError) as error:
        raise ActorFileError(f"{path}: cannot read actor file ({error})") from None
    for number, row in enumerate(rows, 2):
        needed = ("name", "forms") if row.get("name") in known else ("name", "code", "country", "forms")
        missing = [column for column in needed if not row.get(column)]
        if missing:
            raise ActorFileError(
                f"{path}: row {number} lacks {', '.join(missing)} (columns: {', '.join(ACTOR_COLUMNS)})"
            )
    return rows
