"""The files under ``deploy/`` name only commands, targets and variables that exist."""

import re
import shlex
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import get_commands

from tests.test_env_example import assignments

ROOT = Path(__file__).resolve().parent.parent
UNITS = sorted((ROOT / "deploy" / "systemd").glob("*.service"))
NGINX = (ROOT / "deploy" / "nginx" / "wegweiser.conf").read_text(encoding="utf-8")


def directives(unit: Path, name: str) -> list[str]:
    return [
        line.split("=", 1)[1].strip()
        for line in unit.read_text(encoding="utf-8").splitlines()
        if line.startswith(f"{name}=")
    ]


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z0-9-]*):", text, flags=re.MULTILINE))


def test_there_are_units_for_web_worker_daily_jobs_and_backups():
    names = {unit.name for unit in UNITS}
    assert {"wegweiser.service", "wegweiser-worker.service", "wegweiser-daily.service"} <= names
    assert "wegweiser-backup.service" in names
    for timer in ("wegweiser-daily.timer", "wegweiser-backup.timer"):
        assert (ROOT / "deploy" / "systemd" / timer).is_file()
        assert directives(ROOT / "deploy" / "systemd" / timer, "OnCalendar")


@pytest.mark.parametrize("unit", UNITS, ids=lambda unit: unit.name)
def test_every_command_a_unit_starts_exists(unit):
    commands = directives(unit, "ExecStart")
    assert commands, "a service starts something"
    for command in commands:
        words = shlex.split(command)
        if words[0].endswith("/make"):
            assert words[1] in make_targets(), command
            continue
        assert words[0] == "/srv/wegweiser/.venv/bin/python" and words[1] == "manage.py", command
        if words[2] == "db_worker" and "django_tasks" not in settings.INSTALLED_APPS:
            pytest.skip("db_worker comes with the background tasks (django-tasks), not yet here")
        assert words[2] in get_commands(), command


@pytest.mark.parametrize("unit", UNITS, ids=lambda unit: unit.name)
def test_units_read_the_environment_file_and_only_known_variables(unit):
    assert directives(unit, "EnvironmentFile") == ["/etc/wegweiser/wegweiser.env"]
    assert directives(unit, "WorkingDirectory") == ["/srv/wegweiser"]
    text = unit.read_text(encoding="utf-8")
    named = set(re.findall(r"\$\{?([A-Z][A-Z0-9_]*)", text))
    named |= {value.split("=", 1)[0] for value in directives(unit, "Environment")}
    assert named - set(assignments()) == set()


def test_the_web_unit_runs_make_serve_and_the_proxy_forwards_to_its_address():
    assert directives(ROOT / "deploy" / "systemd" / "wegweiser.service", "ExecStart") == [
        "/usr/bin/make serve"
    ]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--bind 127.0.0.1:8000" in makefile
    assert "server 127.0.0.1:8000;" in NGINX


def test_the_proxy_sends_what_the_production_settings_read():
    production = (ROOT / "wegweiser" / "settings" / "production.py").read_text(encoding="utf-8")
    assert '"HTTP_X_FORWARDED_PROTO", "https"' in production
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in NGINX
    # The address header is overwritten with the peer's address, as CLIENT_IP_HEADER requires.
    assert "proxy_set_header X-Real-IP $remote_addr;" in NGINX
    assert "CLIENT_IP_HEADER=HTTP_X_REAL_IP" in NGINX
    assert "CLIENT_IP_HEADER" in assignments()
    assert "$proxy_add_x_forwarded_for" not in NGINX, "a client could prepend addresses"


def test_the_proxy_keeps_documents_behind_wagtails_checks():
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert "location /media/documents/ {\n        return 404;" in NGINX


def test_the_readme_walks_through_every_deploy_file():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in [*UNITS, *(ROOT / "deploy" / "systemd").glob("*.timer")]:
        assert f"deploy/systemd/{path.name}" in readme, path.name
    assert "deploy/nginx/wegweiser.conf" in readme
