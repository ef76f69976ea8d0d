"""An output file written whole or not at all, for the command line's ``-o`` and ``--xlsx``.

The rows go to a temporary file beside the target (mode 0600 while it is written: it holds client
data) that is renamed over the target when complete, so an interrupted run never leaves half a file
under the final name. The finished file gets the mode any tool's output gets, what the umask allows,
or keeps the mode of the file it replaces. A symlink is followed: its target is replaced and the
link stays. A device or a pipe (``/dev/null``, a FIFO) cannot be renamed over and is written as it is.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from types import TracebackType
from typing import IO, Any


class AtomicWriter:
    """``with AtomicWriter(path) as f:`` writes ``path`` when the block ends without an exception;
    otherwise the temporary file is removed. Opening fails at once (an `OSError`, `IsADirectoryError`
    for a folder), before anything is computed for the file."""

    def __init__(
        self, path: str, prefix: str = ".tmp-", suffix: str = ".tmp", encoding: str | None = None
    ) -> None:
        mode = "w" if encoding else "wb"
        try:
            existing: os.stat_result | None = os.stat(path)  # follows a symlink
        except FileNotFoundError:
            existing = None
        if existing and stat.S_ISDIR(existing.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
        self.temporary: str | None = None
        if existing and not stat.S_ISREG(existing.st_mode):
            self.file: IO[Any] = open(path, mode, encoding=encoding, newline="" if encoding else None)  # noqa: SIM115
            return
        # realpath: beside a symlink's target, so the rename replaces the target and not the link.
        self.target = os.path.realpath(path)
        self.mode = stat.S_IMODE(existing.st_mode) if existing else _umask_mode()
        fd, self.temporary = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=os.path.dirname(self.target))
        try:
            self.file = os.fdopen(fd, mode, encoding=encoding, newline="" if encoding else None)
        except BaseException:
            os.unlink(self.temporary)
            raise

    def __enter__(self) -> IO[Any]:
        return self.file

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()

    def commit(self) -> None:
        """Close the file (a full disk shows here too) and put it in place."""
        try:
            self.file.close()
            if self.temporary:
                os.chmod(self.temporary, self.mode)
                os.replace(self.temporary, self.target)
        except BaseException:
            self.discard()
            raise

    def discard(self) -> None:
        """Close and remove the temporary file; the target, if any, is left as it was."""
        with contextlib.suppress(OSError):
            self.file.close()
        if self.temporary:
            with contextlib.suppress(OSError):
                os.unlink(self.temporary)


def _umask_mode() -> int:
    """The mode a new file gets from open(): read-write for all, less the umask (which can only be
    read by setting it)."""
    umask = os.umask(0o077)
    os.umask(umask)
    return 0o666 & ~umask
