"""Long commands show progress on a terminal's stderr, lines at --verbosity 2, and nothing
but errors at --verbosity 0; the result stays alone on stdout."""

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import OutputWrapper

from base.progress import Progress

HSDS_FILE = Path(__file__).resolve().parents[1] / "fixtures" / "hsds-small.json"


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_on_a_terminal_the_line_is_rewritten_in_place():
    out = Terminal()
    progress = Progress(OutputWrapper(out), 1, "Services")
    for done in range(1, 4):
        progress(done, 3)
    progress.done()
    assert out.getvalue() == "\rServices: 1/3\rServices: 2/3\rServices: 3/3\n"


def test_in_a_log_a_line_every_tenth_only_from_verbosity_2():
    quiet = io.StringIO()
    progress = Progress(OutputWrapper(quiet), 1, "Rows")
    progress(5, 100)
    assert quiet.getvalue() == ""
    log = io.StringIO()
    progress = Progress(OutputWrapper(log), 2, "Rows")
    for done in range(1, 101):
        progress(done, 100)
    lines = log.getvalue().splitlines()
    assert len(lines) == 11 and lines[-1] == "Rows: 100/100"


def test_verbosity_0_is_silent_even_on_a_terminal():
    out = Terminal()
    progress = Progress(OutputWrapper(out), 0, "Services")
    progress(1, 2)
    progress.done()
    assert out.getvalue() == ""


@pytest.mark.django_db
def test_import_and_export_honour_the_verbosity(directory_page, tmp_path):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_hsds", str(HSDS_FILE), verbosity=0, stdout=out, stderr=err)
    assert out.getvalue() == err.getvalue() == ""
    out, err = io.StringIO(), io.StringIO()
    call_command("import_hsds", str(HSDS_FILE), verbosity=2, stdout=out, stderr=err)
    assert "Services: 2/2" in err.getvalue()
    assert "2 unchanged" in out.getvalue() and "Services" not in out.getvalue()

    out, err = io.StringIO(), io.StringIO()
    call_command("export_hsds", output=str(tmp_path), verbosity=0, stdout=out, stderr=err)
    assert out.getvalue() == err.getvalue() == ""
    call_command("export_hsds", output=str(tmp_path), verbosity=2, stdout=out, stderr=err)
    assert "Services: 2/2" in err.getvalue() and "services.json: 2" in out.getvalue()
