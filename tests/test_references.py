"""The delegation's references (data/camps.yml: head, head_of, chosen_by) must name an entry of the right kind.
One that does not is refused at its own line and column, by the validator and by the build, which stops with
that message: never a KeyError from a renderer, never half a site."""
from __future__ import annotations

import pytest

from .conftest import copy_project, mkdocs_build
from .test_loader import data_dir, edit, errors, position  # noqa: F401 (data_dir is a fixture)

# (key, value in the data, value written, what the message says)
CASES = [
    ("head", "alloush", "nobody", 'head (a person in actors.yml) "nobody" is not one of'),
    # An actor that exists but is not a person: the delegation is led by someone.
    ("head", "alloush", "hnc", 'head (a person in actors.yml) "hnc" is not one of'),
    ("head_of", "jaysh-al-islam", "no-such-faction", 'head_of (a faction) "no-such-faction" is not the id of a faction'),
    ("chosen_by", "hnc", "nobody", 'chosen_by (an actor) "nobody" is not the id of an actor'),
]


def _break(data, key: str, old: str, new: str) -> str:
    text = edit(data, "camps.yml", f"\n  {key}: {old}\n", f"\n  {key}: {new}\n")
    line, col = position(text, f"\n  {key}: {new}\n", len(f"\n  {key}: "))
    return f"data/camps.yml:{line}:{col}: "


@pytest.mark.parametrize("key, old, new, message", CASES)
def test_the_validator_names_a_delegation_reference_that_does_not_exist(data_dir, key, old, new, message):  # noqa: F811
    where = _break(data_dir, key, old, new)
    assert [e for e in errors(data_dir) if e.startswith(where + message)], errors(data_dir)


@pytest.mark.parametrize("key, old, new, message", [c for c in CASES if c[0] != "head" or c[2] == "nobody"])
def test_the_build_stops_at_a_delegation_reference_that_does_not_exist(tmp_path, key, old, new, message):
    project = copy_project(tmp_path / "project")
    where = _break(project / "data", key, old, new)
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode != 0
    assert where + message in result.stderr
    assert "Traceback" not in result.stdout + result.stderr and "KeyError" not in result.stdout + result.stderr
    assert not site.exists()
