"""The `dateline` command wraps Django's management commands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dateline import cli


def test_unknown_subcommands_go_to_django(capsys):
    with pytest.raises(SystemExit):
        cli.main(["no-such-command"])
    assert "Unknown command: 'no-such-command'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--port", "70000"], "--port must be between 1 and 65535"),
        (["--workers", "0"], "--workers must be 1 or more"),
    ],
)
def test_serve_refuses_a_port_or_worker_count_out_of_range(capsys, args, message):
    with pytest.raises(SystemExit) as exit:
        cli.main(["serve", *args])
    assert exit.value.code == 2
    assert message in capsys.readouterr().err


def test_serve_refuses_a_port_that_is_not_a_number(capsys):
    with pytest.raises(SystemExit):
        cli.main(["demo", "--port", "eighty"])
    assert "invalid int value" in capsys.readouterr().err


def test_a_bad_number_in_the_environment_names_the_variable(monkeypatch):
    monkeypatch.setenv("DATELINE_WORKERS", "two")
    with pytest.raises(SystemExit) as exit:
        cli.main(["serve"])
    assert exit.value.code == "dateline: DATELINE_WORKERS must be a whole number, not 'two'"


def test_a_bad_setting_stops_any_command_with_a_message_not_a_traceback():
    env = {**os.environ, "DATELINE_DEBUG": "maybe"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    done = subprocess.run(
        [Path(sys.executable).parent / "dateline", "check"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 1
    assert "dateline: DATELINE_DEBUG must be true or false, not 'maybe'" in done.stderr
    assert "Traceback" not in done.stderr


class Served(Exception):
    """Stands in for the server process `serve` would become."""


def test_serve_tells_the_server_the_address_it_is_served_at(monkeypatch, settings):
    monkeypatch.setenv("DATELINE_SERVED_AT", "")

    def execv(path, args):
        raise Served

    monkeypatch.setattr(os, "execv", execv)
    with pytest.raises(Served):
        cli.serve("0.0.0.0", 8104, 1)
    assert os.environ["DATELINE_SERVED_AT"] == "http://127.0.0.1:8104"


def mail_links_base(**env) -> str:
    """WAGTAILADMIN_BASE_URL, the origin of the links in the newsroom's mails."""
    outside = {name: value for name, value in os.environ.items() if name != "DATELINE_BASE_URL"}
    environment = {**outside, **env}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "from dateline import settings; print(settings.WAGTAILADMIN_BASE_URL)",
        ],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_mails_link_to_the_address_the_site_is_served_at():
    assert mail_links_base(DATELINE_SERVED_AT="http://127.0.0.1:8104") == "http://127.0.0.1:8104"


def test_mails_link_to_the_public_origin_when_there_is_one():
    base = mail_links_base(
        DATELINE_SERVED_AT="http://127.0.0.1:8104", DATELINE_BASE_URL="https://news.example.com"
    )
    assert base == "https://news.example.com"
