"""The `dateline` command wraps Django's management commands."""

from __future__ import annotations

import pytest

from dateline import cli


def test_unknown_subcommands_go_to_django(capsys):
    with pytest.raises(SystemExit):
        cli.main(["no-such-command"])
    assert "Unknown command: 'no-such-command'" in capsys.readouterr().err


def test_serve_refuses_a_port_out_of_range(capsys):
    with pytest.raises(SystemExit) as exit:
        cli.main(["serve", "--port", "70000"])
    assert exit.value.code == 2
    assert "--port must be between 1 and 65535" in capsys.readouterr().err


def test_serve_refuses_a_port_that_is_not_a_number(capsys):
    with pytest.raises(SystemExit):
        cli.main(["demo", "--port", "eighty"])
    assert "invalid int value" in capsys.readouterr().err
