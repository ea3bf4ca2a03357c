"""Every `factx` example command of the README runs and succeeds."""

from __future__ import annotations

import re
import shlex

import pytest
from typer.testing import CliRunner

from factx.cli import app

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
USE = README.split("## Use", 1)[1].split("\n## ", 1)[0]
COMMANDS = [line.split("#", 1)[0].strip() for line in USE.splitlines() if line.strip().startswith("factx ")]


def test_readme_has_examples():
    assert len(COMMANDS) >= 6
    assert README.lstrip().startswith("# factx") and "make run" in README[:600] and "make test" in README[:600]


@pytest.mark.model
@pytest.mark.parametrize("command", COMMANDS)
def test_readme_command_runs(command, seeds_store, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    pipeline = command.split("|")[0].strip()
    args = shlex.split(pipeline)[1:]
    if args[0] == "extract":
        args += ["--store", str(tmp_path / "store")]
    elif args[0] not in ("dates", "rules", "schema"):
        args += ["--store", str(seeds_store)]
    output = None
    if "-o" in args:  # written where the test can look, not into the repository
        at = args.index("-o") + 1
        output = args[at] = str(tmp_path / args[at])
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, (command, result.stderr)
    if output is not None:
        assert result.stdout == "" and open(output, encoding="utf-8").read().strip(), command
    elif args[0] in ("extract", "facts", "dates", "conflicts", "schema") and "--format" not in args:
        assert result.stdout.strip(), command
