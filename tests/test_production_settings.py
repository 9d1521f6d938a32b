"""The production settings refuse unsafe configurations and pass Django's deployment check."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def readme_example() -> dict[str, str]:
    """The production environment the README gives, with a fresh random key."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- production-example -->\n```sh\n(.*?)```", readme, re.S).group(1)
    env = dict(line.split("=", 1) for line in block.splitlines() if line.strip())
    env["SECRET_KEY"] = secrets.token_urlsafe(50)
    return env


def run(code: str, env: dict[str, str], tmp_path) -> subprocess.CompletedProcess:
    """Run Python in a fresh process with only ``env`` (and a throw-away SQLite database)."""
    base = {"PATH": os.environ["PATH"], "HOME": str(tmp_path)}
    base["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    return subprocess.run(  # noqa: S603 (the test's own code, run in a clean environment)
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=base | env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


CHECK_DEPLOY = (
    "import sys; from django.core.management import execute_from_command_line; "
    "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])"
)


def test_check_deploy_is_clean_with_the_readme_example(tmp_path):
    env = readme_example()
    env.pop("DATABASE_URL")
    result = run(CHECK_DEPLOY, env, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_wsgi_defaults_to_production_and_refuses_the_repositorys_key(tmp_path):
    for key in ("dev-only-insecure-key-change-me", "test-only-key", ""):
        result = run("import wegweiser.wsgi", {"SECRET_KEY": key}, tmp_path)
        assert result.returncode != 0
        assert "SECRET_KEY must be a random value" in result.stderr


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("DEBUG", "true", "DEBUG must be off"),
        ("ALLOWED_HOSTS", "*", "'*' is refused"),
        ("SECRET_KEY", "short-key", "SECRET_KEY must be a random value"),
        ("SECRET_KEY_FALLBACKS", "x" * 60, "SECRET_KEY_FALLBACKS must be a random value"),
    ],
)
def test_production_refuses_an_unsafe_setting(tmp_path, variable, value, message):
    env = readme_example() | {variable: value}
    env.pop("DATABASE_URL")
    result = run("import wegweiser.wsgi", env, tmp_path)
    assert result.returncode != 0
    assert message in result.stderr


def test_plain_http_is_redirected_except_the_health_check(tmp_path):
    env = readme_example()
    env.pop("DATABASE_URL")
    code = (
        "import wegweiser.wsgi; from django.test import Client; c = Client(); "
        "host = 'wegweiser.example.org'; "
        "r = c.get('/de/', HTTP_HOST=host); print(r.status_code, r['Location']); "
        "r = c.get('/healthz', HTTP_HOST=host); print(r.status_code); "
        "r = c.get('/healthz', HTTP_HOST=host, secure=True); "
        "print(r.headers.get('Strict-Transport-Security'))"
    )
    result = run(code, env, tmp_path)
    assert result.returncode == 0, result.stderr
    redirect, health, hsts = result.stdout.splitlines()
    assert redirect == "301 https://wegweiser.example.org/de/"
    if health == "503" and not os.environ.get("REQUIRE_REDIS"):
        pytest.skip("No Redis at the README example's CACHE_URL (REQUIRE_REDIS=1 fails here).")
    assert health == "200"
    assert hsts == "max-age=31536000; includeSubDomains; preload"
