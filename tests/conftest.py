"""Shared fixtures: the example page, the shared gold data (skipped with a message when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "000_aeb1a4d6a8651ca1.txt"
SHARED_DATA = ROOT.parent / "shared" / "data"


def shared_path(*parts: str) -> Path:
    """A path under ../shared/data, or a skip saying it is missing."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the data-driven checks need ../shared/data (CI has it)")
    return path


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_doc(example_text: str):  # type: ignore[no-untyped-def]
    """The example page, analysed once for the whole session with the default pipeline."""
    import newsprobe

    return newsprobe.analyze(example_text, id="seed")
