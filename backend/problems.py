"""What went wrong, in the domain's words: a code, a message and maybe a field; no HTTP here.

The service, the field specs and the draft writer raise these; the API maps each kind to a
status (errors.py), and the import command turns them into a sentence.
"""


class Problem(Exception):
    """Something the user can act on; `code` is stable, `message` is for people."""

    code = "invalid"

    def __init__(self, message: str, field: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message, self.field = message, field
        if code:
            self.code = code


class Invalid(Problem):
    """The input is wrong; `field` names what to fix."""


class NotFound(Problem):
    """There is no such record."""

    code = "not_found"


class Conflict(Problem):
    """The input is fine but the record's state forbids it (a third follow-up, a closed case)."""

    code = "conflict"


def invalid(field: str, message: str) -> Invalid:
    """'field: message', naming the field."""
    return Invalid(f"{field}: {message}", field)
