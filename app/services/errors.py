"""The one error type users see. Its message is plain Chinese and says what to do."""

from __future__ import annotations


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
