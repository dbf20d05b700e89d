"""Settings come from the environment; a bad value names the variable that holds it."""

from __future__ import annotations

import runpy

import pytest
from django.core.exceptions import ImproperlyConfigured

from dateline import settings
from dateline.settings import envbool, envchoice, envint, envrate, envsecret


def test_envbool_reads_common_spellings(monkeypatch):
    monkeypatch.setenv("DATELINE_X", "yes")
    assert envbool("DATELINE_X", False) is True
    monkeypatch.setenv("DATELINE_X", "0")
    assert envbool("DATELINE_X", True) is False


def test_envbool_names_the_variable_on_a_bad_value(monkeypatch):
    monkeypatch.setenv("DATELINE_X", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DATELINE_X"):
        envbool("DATELINE_X", False)


def test_envint_names_the_variable_on_a_bad_value(monkeypatch):
    monkeypatch.setenv("DATELINE_WORKERS", "two")
    with pytest.raises(ImproperlyConfigured, match="DATELINE_WORKERS"):
        envint("DATELINE_WORKERS", 1)


def test_unset_values_fall_back_to_the_default(monkeypatch):
    monkeypatch.delenv("DATELINE_X", raising=False)
    assert envint("DATELINE_X", 7) == 7


def test_envsecret_reads_a_file_named_by_the_file_variable(monkeypatch, tmp_path):
    secret = tmp_path / "key"
    secret.write_text("s3cret\n")
    monkeypatch.setenv("DATELINE_SECRET_KEY_FILE", str(secret))
    assert envsecret("DATELINE_SECRET_KEY") == "s3cret"


def test_envsecret_names_an_unreadable_file(monkeypatch, tmp_path):
    monkeypatch.setenv("DATELINE_SECRET_KEY_FILE", str(tmp_path / "missing"))
    with pytest.raises(ImproperlyConfigured, match="DATELINE_SECRET_KEY_FILE"):
        envsecret("DATELINE_SECRET_KEY")


def test_envrate_reads_count_per_seconds_and_names_the_variable_on_a_bad_value(monkeypatch):
    monkeypatch.setenv("DATELINE_COMMENT_RATE_PER_IP", "30/60")
    assert envrate("DATELINE_COMMENT_RATE_PER_IP", "20/60") == (30, 60)
    monkeypatch.setenv("DATELINE_COMMENT_RATE_PER_IP", " 30 / 60 ")
    assert envrate("DATELINE_COMMENT_RATE_PER_IP", "20/60") == (30, 60)
    for bad in ("30 per minute", "30/0", "-1/60", "30/", "²/60"):
        monkeypatch.setenv("DATELINE_COMMENT_RATE_PER_IP", bad)
        with pytest.raises(ImproperlyConfigured, match="DATELINE_COMMENT_RATE_PER_IP"):
            envrate("DATELINE_COMMENT_RATE_PER_IP", "20/60")


def test_envchoice_names_the_variable_and_the_choices(monkeypatch):
    monkeypatch.setenv("DATELINE_EMAIL_VERIFICATION", "sometimes")
    with pytest.raises(ImproperlyConfigured, match=r"DATELINE_EMAIL_VERIFICATION.*mandatory"):
        envchoice("DATELINE_EMAIL_VERIFICATION", "mandatory", ("mandatory", "optional", "none"))


def test_a_negative_cap_on_live_streams_names_the_variable(monkeypatch):
    monkeypatch.setenv("DATELINE_LIVE_MAX_STREAMS_PER_IP", "-1")
    with pytest.raises(ImproperlyConfigured, match="DATELINE_LIVE_MAX_STREAMS_PER_IP"):
        runpy.run_path(settings.__file__)
