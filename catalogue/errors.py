"""The one error type of the content build: it names the file, the field and the problem."""

from __future__ import annotations


class ContentError(Exception):
    """A broken content file. Collected, reported together, and the build publishes nothing."""

    def __init__(self, file: str, field: str | None, message: str) -> None:
        self.file = file
        self.field = field
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}: veld '{self.field}'" if self.field else self.file
        return f"{where}: {self.message}"


class ContentErrors(Exception):
    """Every problem found in one validation run."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))
