from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path("/work/shared/wire-samples")
OURS = Path(__file__).parent / "samples"


def shared_sample(name: str) -> bytes:
    """One of the real agency samples the newsroom shares (skipped where absent)."""
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} is not on this machine")
    return path.read_bytes()


def sample(name: str) -> bytes:
    return (OURS / name).read_bytes()


@pytest.fixture
def samples_dir() -> Path:
    return OURS
