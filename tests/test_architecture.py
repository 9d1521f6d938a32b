"""The layers of the project hold: base <- directory <- search <- (home | api | partners) <- demo.

The contracts live in ``pyproject.toml`` (``[tool.importlinter]``) and ``make test`` runs
``lint-imports`` before pytest; these tests show that the check really fails on an upward
import, and that imports written inside functions (which hide cycles) each say why.
"""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("base", "directory", "search", "home", "api", "partners", "demo", "wegweiser", "bench")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 (our own virtualenv's tool, fixed arguments)
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=cwd,
        env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_project_keeps_its_import_contracts():
    result = lint_imports(ROOT)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_an_upward_import_from_base_into_home_breaks_the_layers_contract(tmp_path):
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("*.pyc"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    helpers = tmp_path / "base" / "helpers.py"
    helpers.write_text(helpers.read_text() + "\nfrom home.models import HomePage  # noqa\n")

    result = lint_imports(tmp_path)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "Apps are layered" in result.stdout and "BROKEN" in result.stdout
    assert "base.helpers -> home.models" in result.stdout


def function_level_imports_without_reason() -> list[str]:
    """Imports of project modules inside functions whose import block has no comment.

    The benchmark scripts are left out: they configure Django against a throw-away database
    first and can only then import models.
    """
    found = []
    for path in sorted(ROOT.glob("*/**/*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[0] not in PACKAGES or relative.parts[0] == "bench":
            continue
        if "migrations" in relative.parts:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(lines))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for statement in ast.walk(node):
                if not isinstance(statement, ast.Import | ast.ImportFrom):
                    continue
                module = (
                    statement.module
                    if isinstance(statement, ast.ImportFrom)
                    else statement.names[0].name
                )
                if not module or module.split(".")[0] not in PACKAGES:
                    continue
                # The reason is a comment on the line, or above the block of imports.
                number = statement.lineno - 1
                while number > 0 and lines[number - 1].strip().startswith(("from ", "import ")):
                    number -= 1
                if "#" not in lines[statement.lineno - 1] and not lines[
                    number - 1
                ].strip().startswith("#"):
                    found.append(f"{relative}:{statement.lineno}: {lines[statement.lineno - 1]}")
    return found


def test_every_import_inside_a_function_says_why():
    assert function_level_imports_without_reason() == []
