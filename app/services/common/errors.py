"""The one error type users see. Its message is plain Chinese and says what to do."""

from __future__ import annotations

from dataclasses import dataclass, field


class UserError(Exception):
    """A problem the user can fix. ``field`` names the form field it belongs to, if any."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class ValidationFailed(UserError):
    """Several field problems found at once, so the form can show each beside its field."""

    def __init__(self, problems: dict[str, str]):
        self.problems = dict(problems)
        first_field, first_message = next(iter(self.problems.items()))
        super().__init__(first_message, first_field)

    def __str__(self) -> str:
        return "；".join(self.problems.values())


class NeedsConfirmation(UserError):
    """The record is valid but unusual; the user must confirm the warnings to save."""

    def __init__(self, warnings: list[str]):
        super().__init__("\n".join(warnings))
        self.warnings = warnings


@dataclass
class Verdict:
    """Problems block the save (keyed by field); warnings need the user's confirmation."""

    problems: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def problem(self, key: str, message: str) -> None:
        self.problems.setdefault(key, message)

    def settle(self, confirmed: bool) -> None:
        """Raise what stops a save: the problems, or warnings the user has not confirmed."""
        if self.problems:
            raise ValidationFailed(self.problems)
        if self.warnings and not confirmed:
            # Several rows can raise the same warning (two 书记 rows, one 监委会主任): say it once.
            raise NeedsConfirmation(list(dict.fromkeys(self.warnings)))
