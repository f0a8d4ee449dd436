"""The CI workflow is locked down: zizmor and the GitHub workflow schema report nothing, and the rules zizmor does
not enforce by itself are checked here (no pull_request_target, every action pinned to a commit with its version,
no persisted credentials, a deploy that is never cancelled). CODEOWNERS is tests/test_codeowners.py's."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GITHUB = ROOT / ".github"
WORKFLOWS = sorted([*GITHUB.glob("workflows/*.yml"), *GITHUB.glob("workflows/*.yaml")])
DEPENDABOT = GITHUB / "dependabot.yml"

# `uses: owner/repo[/path]@<40-hex commit> # v1.2.3` (local `./` actions need no pin).
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40} # v\d+(\.\d+){0,2}$")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(.*?)\s*$")


def tool(name: str) -> str:
    """A tool from requirements-test.txt: next to this Python first (the venv), then on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed; run `make setup-test` (it is in requirements-test.txt)")
    return found


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as True
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return dict.fromkeys(on)
    return on or {}


def steps(workflow: dict):
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


def test_there_are_workflows():
    assert WORKFLOWS, "no workflow found under .github/workflows/"


def test_zizmor_reports_nothing():
    # Offline (no GitHub API here), default persona, every workflow and dependabot.yml under .github/; no
    # configuration file and no `# zizmor: ignore[...]` comment can hide a finding.
    command = [tool("zizmor"), "--offline", "--persona", "regular", "--no-config", "--no-ignores", "--no-progress"]
    result = subprocess.run([*command, "--format", "json", str(GITHUB)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    findings = json.loads(result.stdout or "[]")
    if findings or result.returncode:
        report = subprocess.run([*command, str(GITHUB)], capture_output=True, text=True, cwd=ROOT, timeout=120)
        pytest.fail(f"zizmor: {len(findings)} findings (exit {result.returncode})\n{report.stdout}{report.stderr}")


@pytest.mark.parametrize("schema,paths", [
    ("vendor.github-workflows", WORKFLOWS),
    ("vendor.dependabot", [DEPENDABOT]),
], ids=["workflows", "dependabot"])
def test_json_schema(schema, paths):
    result = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", schema, *map(str, paths)],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_pull_request_target():
    # It runs a fork's pull request with the base repository's token and secrets.
    for path in [*WORKFLOWS, *GITHUB.rglob("action.y*ml")]:
        assert "pull_request_target" not in path.read_text(encoding="utf-8"), path.name
    for path in WORKFLOWS:
        assert "pull_request_target" not in triggers(load(path)), path.name


def test_every_action_is_pinned_to_a_commit_with_its_version():
    for path in WORKFLOWS:
        lines = [m.group(1) for line in path.read_text(encoding="utf-8").splitlines()
                 if (m := USES_LINE.match(line))]
        bad = [ref for ref in lines if not ref.startswith("./") and not PINNED.match(ref)]
        assert not bad, f"{path.name}: not `owner/repo@<40-hex sha> # vX.Y.Z`: {bad}"
        # Every `uses:` the YAML holds was seen as a line above (none hides in a flow mapping).
        workflow = load(path)
        parsed = [step["uses"] for _, step in steps(workflow) if "uses" in step]
        parsed += [job["uses"] for job in workflow["jobs"].values() if "uses" in job]
        assert sorted(parsed) == sorted(ref.split(" #")[0] for ref in lines), path.name


def test_every_checkout_drops_its_credentials():
    checkouts = 0
    for path in WORKFLOWS:
        for job_id, step in steps(load(path)):
            if step.get("uses", "").startswith("actions/checkout@"):
                checkouts += 1
                assert (step.get("with") or {}).get("persist-credentials") is False, \
                    f"{path.name}: job {job_id}: checkout without `persist-credentials: false`"
    assert checkouts


def test_deploy_is_never_cancelled_and_has_what_pages_needs():
    deploys = 0
    for path in WORKFLOWS:
        workflow = load(path)
        for job_id, job in workflow["jobs"].items():
            if not any(step.get("uses", "").startswith("actions/deploy-pages@") for step in job.get("steps", [])):
                continue
            deploys += 1
            # A workflow-level group that cancels would cancel this job with the rest of the run.
            assert not (workflow.get("concurrency") or {}).get("cancel-in-progress"), \
                f"{path.name}: a workflow-level concurrency group that cancels also cancels job {job_id}"
            concurrency = job.get("concurrency")
            assert isinstance(concurrency, dict) and concurrency.get("cancel-in-progress") is False, \
                f"{path.name}: job {job_id} needs its own concurrency group with `cancel-in-progress: false`"
            others = [other.get("concurrency") for other_id, other in workflow["jobs"].items() if other_id != job_id]
            groups = {c["group"] if isinstance(c, dict) else c for c in others if c}
            assert concurrency["group"] not in groups, f"{path.name}: job {job_id} shares its concurrency group"
            assert job.get("permissions") == {"contents": "read", "pages": "write", "id-token": "write"}, \
                f"{path.name}: job {job_id} needs exactly contents: read, pages: write, id-token: write"
    assert deploys
