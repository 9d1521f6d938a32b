"""Progress of long management commands on a terminal (``load_demo``, ``import_hsds``, ...).

A command makes one :class:`Progress` per step and calls it with (done, total). On a
terminal the line is rewritten in place on stderr; with ``--verbosity 2`` or more (logs,
CI) a line is written at every tenth of the way; with ``--verbosity 0`` nothing. Stdout
keeps the command's result alone, so it can be piped.
"""

from django.core.management.base import OutputWrapper


class Progress:
    """``progress(done, total)`` reports a step's progress; ``progress.done()`` ends the line."""

    def __init__(self, stderr: OutputWrapper, verbosity: int, label: str):
        self.stderr = stderr
        self.label = label
        self.tty = stderr.isatty()
        self.enabled = verbosity >= 2 or (verbosity >= 1 and self.tty)
        self._last_tenth = -1
        self._open = False

    def __call__(self, done: int, total: int | None = None) -> None:
        if not self.enabled:
            return
        text = f"{self.label}: {done}/{total}" if total else f"{self.label}: {done}"
        if self.tty:
            self.stderr.write(f"\r{text}", ending="")
            self.stderr.flush()
            self._open = True
            return
        tenth = (10 * done // total) if total else done
        if tenth != self._last_tenth:
            self._last_tenth = tenth
            self.stderr.write(text)

    def done(self) -> None:
        """End the progress line (on a terminal the cursor moves to the next line)."""
        if self._open:
            self.stderr.write("")
            self._open = False
