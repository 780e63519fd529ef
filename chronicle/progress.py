"""Show an ingest's progress on a terminal: documents done of all, documents/s, KB/s, ETA,
and a regroup's under a new merge rule before it.

On a pipe it shows nothing, so a script's stderr holds only the summary. File
names are shown as plain text (never read as Rich markup) through
`chronicle.visible`, so a name cannot garble or steer the terminal.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from chronicle.pipeline import Inside, Parsed
from chronicle.visible import visible

STORING_SHOWN = 1000
"""Mentions from which a document is named while it is stored."""


class DocumentRate(ProgressColumn):
    """Documents per second, over the last few seconds."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:.1f} docs/s", style="progress.data.speed")


class ByteRate(ProgressColumn):
    """Kilobytes of files read per second since the start."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0
        rate = task.fields.get("bytes", 0) / 1024 / elapsed if elapsed else 0
        return Text(f"{rate:.0f} KB/s", style="progress.data.speed")


class InsideFile(ProgressColumn):
    """How far the reading of the largest file being read has got, and what is being
    stored: a file of many megabytes takes minutes of each."""

    def __init__(self, owner: IngestProgress) -> None:
        super().__init__()
        self.owner = owner

    def render(self, task: Task) -> Text:
        return Text(self.owner.inside_text(), style="progress.data.speed")


class IngestProgress:
    """A progress bar for `chronicle.library.ingest_paths`, called as (done, total, path).

    Rates count from when it is made; the bar itself appears at the first file done
    (so no thread of ours exists while the parse pool forks its workers) and is gone
    when the block ends.
    """

    def __init__(self, console: Console) -> None:
        self.enabled = console.is_terminal
        self.bytes = 0
        self.progress = Progress(
            TextColumn("reading"),
            BarColumn(),
            MofNCompleteColumn(),
            DocumentRate(),
            ByteRate(),
            TimeRemainingColumn(),
            InsideFile(self),
            TextColumn("{task.fields[name]}", markup=False),
            console=console,
            transient=True,
        )
        self.task = self.progress.add_task("", total=None, name="", bytes=0)
        self.shown = False
        self.inside: Inside | None = None
        self.storing = ""

    def inside_text(self) -> str:
        """ "reading 37% of 50.0 MB" while a large file is read, "storing NAME" while a
        large one is stored, else nothing."""
        if self.storing:
            return f"storing {self.storing}"
        found = self.inside.largest() if self.inside else None
        if found is None:
            return ""
        size, share = found
        return f"{share:.0%} of {size / 2**20:.1f} MB"

    def waiting(self, inside: Inside) -> None:
        """The parsers are busy: show the bar, with how far they are inside their files."""
        self.inside = inside
        self._show()

    def before_storing(self, parsed: Parsed) -> None:
        """A parsed file is about to be stored; a large one is named while it is."""
        many = len(parsed.mentions) >= STORING_SHOWN
        self.storing = visible(Path(parsed.path).name) if many else ""
        if many:
            self._show()
            self.progress.refresh()

    def _show(self) -> None:
        if self.enabled and not self.shown:
            self.shown = True
            self.progress.start()

    def __enter__(self) -> IngestProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.shown:
            self.progress.stop()

    def __call__(self, done: int, total: int, path: str) -> None:
        if not self.enabled:
            return
        self._show()
        self.storing = ""
        self.bytes += _size(path)
        name = visible(Path(path).name)
        self.progress.update(self.task, completed=done, total=total, name=name, bytes=self.bytes)


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


class RegroupProgress:
    """Called as (mentions regrouped, of how many) while `Store.regroup` regroups a
    chronicle an older merge rule grouped: `announce` is told once how many, and a
    terminal shows a bar, gone when the last step is done or the block ends (before the
    parse pool forks, so no thread of ours is running then)."""

    def __init__(self, console: Console, announce: Callable[[int], None]) -> None:
        self.console = console
        self.announce = announce
        self.told = False
        self.progress: Progress | None = None

    def __call__(self, done: int, total: int) -> None:
        if not self.told:
            self.told = True
            self.announce(total)
            if self.console.is_terminal:
                self.progress = Progress(
                    TextColumn("regrouping"),
                    BarColumn(),
                    MofNCompleteColumn(),
                    TimeRemainingColumn(),
                    console=self.console,
                    transient=True,
                )
                self.progress.add_task("", total=total)
                self.progress.start()
        if self.progress is not None:
            self.progress.update(self.progress.task_ids[0], completed=done)
            if done >= total:
                self._stop()

    def _stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None

    def __enter__(self) -> RegroupProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop()
