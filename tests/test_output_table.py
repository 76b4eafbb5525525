"""The `dyad code` table: negated and hypothetical events are marked, and text is never read as markup."""

from __future__ import annotations

from click.testing import CliRunner

from dyad.cli import cli


def test_the_table_marks_negated_and_hypothetical_events() -> None:
    text = "Russland drohte, die Ukraine anzugreifen. Frankreich kritisierte Israel nicht."
    result = CliRunner().invoke(cli, ["code", "-", "--lang", "de"], input=text)
    assert result.exit_code == 0, result.output
    assert "[NEGATED] 111" in result.output and "[HYPOTHETICAL] 190" in result.output


def test_square_brackets_in_evidence_are_printed_as_written() -> None:
    text = "[Update] Frankreich kritisierte Israel scharf."
    result = CliRunner().invoke(cli, ["code", "-", "--lang", "de"], input=text)
    assert "[Update]" in result.output
