"""``.env.example`` works as systemd's EnvironmentFile and docker's --env-file as it stands."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSIGNMENT = re.compile(r"^(?:# )?([A-Z][A-Z0-9_]*)=(.*)$")


def assignments() -> dict[str, str]:
    lines = (ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
    return dict(m.groups() for line in lines if (m := ASSIGNMENT.match(line)))


def test_no_value_carries_a_comment():
    for name, value in assignments().items():
        assert "#" not in value and value == value.strip(), f"{name}={value!r}"


def test_every_variable_the_settings_read_is_listed():
    read = set()
    for module in (ROOT / "wegweiser" / "settings").glob("*.py"):
        read |= set(
            re.findall(r"environ(?:\.get)?[(\[]\s*\"([A-Z][A-Z0-9_]*)\"", module.read_text())
        )
    assert read, "no environment variable found in the settings: the pattern is stale"
    assert read - set(assignments()) == set()
