"""What an import found wrong: every bad row, with its file, line, field and reason."""

from __future__ import annotations

from dataclasses import dataclass

from hotline.errors import HotlineError


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an import: where it is and why."""

    file: str
    line: int | None  # a CSV line (the header is 1), or the item of a JSON list (from 1)
    field: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}" if self.line is not None else self.file
        return f"{where}, {self.field}: {self.reason}" if self.field else f"{where}: {self.reason}"


class DirectoryError(HotlineError):
    """A directory file cannot be imported: nothing was imported, every problem is listed."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = len(problems)
        super().__init__(
            f"{count} problem{'s' if count != 1 else ''}, nothing imported:\n"
            + "\n".join(f"  {problem}" for problem in problems)
        )
