"""Field specs: each input field checked, naming the field and what is wrong, never a guess.

The validators (`clean`) and the OpenAPI document (`schema`) read the same specs; nothing
here knows HTTP: a bad value raises problems.Invalid, which the API answers with a 400.
"""
import re
from dataclasses import dataclass
from datetime import date

from .problems import Invalid, invalid
from .timing.business_days import is_supported_country

# Control characters other than tab and newlines: never meaningful in a name or a note.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
LINE_BREAK = re.compile(r"[\t\r\n\u2028\u2029]")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
EMAIL = re.compile(
    r"[^@\s<>()\[\],;:\"\\]{1,64}@(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_]{2,63}\Z")
WHOLE_NUMBER = re.compile(r"[0-9]{1,18}\Z")
CURSOR = re.compile(r"[A-Za-z0-9_-]{1,400}\Z")
FIRST_DAY, LAST_DAY = date(1970, 1, 1), date(2100, 12, 31)
MISSING = object()


@dataclass(frozen=True)
class Text:
    max_length: int
    multiline: bool = False
    required: bool = False
    nullable: bool = True

    def schema(self) -> dict:
        """The JSON Schema of what `clean` accepts (the OpenAPI document reads it)."""
        text = {"type": "string", "maxLength": self.max_length}
        return may_be_null(self, {**text, "minLength": 1} if self.required else text)

    def clean(self, name, value):
        if not isinstance(value, str):
            raise invalid(name, "must be text.")
        if len(value) > self.max_length:
            raise invalid(name, f"is too long ({len(value):,} characters; at most "
                                f"{self.max_length:,}).")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise invalid(name, "contains a broken character (a lone surrogate).") from None
        if CONTROL.search(value):
            raise invalid(name, "contains a control character.")
        if not self.multiline and LINE_BREAK.search(value):
            raise invalid(name, "must be on one line.")
        if not value.strip():
            if self.required:
                raise invalid(name, "must not be empty.")
            return None
        return value


@dataclass(frozen=True)
class Email(Text):
    max_length: int = 254

    def clean(self, name, value):
        value = super().clean(name, value)
        if value is not None and not EMAIL.match(value):
            raise invalid(name, f"{value[:80]!r} is not an e-mail address.")
        return value


@dataclass(frozen=True)
class Day:
    required: bool = False
    nullable: bool = True

    def schema(self) -> dict:
        return may_be_null(self, {"type": "string", "format": "date",
                                  "pattern": r"^\d{4}-\d{2}-\d{2}$"})

    def clean(self, name, value):
        if not isinstance(value, str) or not ISO_DATE.match(value):
            raise invalid(name, "must be a date written YYYY-MM-DD.")
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise invalid(name, f"{value} is not a real date.") from None
        if not FIRST_DAY <= day <= LAST_DAY:
            raise invalid(name, f"must be between {FIRST_DAY} and {LAST_DAY}.")
        return day


@dataclass(frozen=True)
class Choice:
    values: tuple
    required: bool = False
    nullable: bool = True

    def schema(self) -> dict:
        return may_be_null(self, {"type": "string", "enum": list(self.values)})

    def clean(self, name, value):
        if value not in self.values:
            raise invalid(name, f"must be one of {', '.join(self.values)}.")
        return value


@dataclass(frozen=True)
class Integer:
    minimum: int
    maximum: int
    required: bool = False
    nullable: bool = True
    from_text: bool = False  # a query parameter: digits in the URL

    def schema(self) -> dict:
        return may_be_null(self, {"type": "integer", "minimum": self.minimum,
                                  "maximum": self.maximum})

    def clean(self, name, value):
        if self.from_text and isinstance(value, str):
            if not WHOLE_NUMBER.match(value):
                raise invalid(name, "must be a whole number.")
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool):
            raise invalid(name, "must be a whole number.")
        if not self.minimum <= value <= self.maximum:
            raise invalid(name, f"must be between {self.minimum} and {self.maximum}.")
        return value


@dataclass(frozen=True)
class Country:
    required: bool = False
    nullable: bool = True

    def schema(self) -> dict:
        return may_be_null(self, {"type": "string", "minLength": 2, "maxLength": 10})

    def clean(self, name, value):
        if not isinstance(value, str) or not is_supported_country(value.upper()):
            raise invalid(name, "must be a country code with a holiday calendar, "
                                "such as US, DE or GB-ENG (England).")
        return value.upper()


@dataclass(frozen=True)
class Cursor:
    """Where the last page ended: opaque to the client, read back by backend.lists."""

    required: bool = False
    nullable: bool = True

    def schema(self) -> dict:
        return may_be_null(self, {"type": "string", "pattern": f"^{CURSOR.pattern[:-2]}$"})

    def clean(self, name, value):
        if not isinstance(value, str) or not CURSOR.match(value):
            raise invalid(name, "is not a cursor this list gave; start again without it.")
        return value


def may_be_null(field, schema: dict) -> dict:
    """`schema`, or null where the field takes null (an optional field that is nullable)."""
    if field.nullable and not field.required:
        return {"anyOf": [schema, {"type": "null"}]}
    return schema


def object_schema(spec: dict, *, partial: bool = False) -> dict:
    """The JSON Schema of a body `clean(data, spec)` accepts: these fields and no others."""
    return {"type": "object", "properties": {name: field.schema() for name, field in spec.items()},
            "required": [] if partial else [name for name, field in spec.items() if field.required],
            "additionalProperties": False}


def parameters(spec: dict) -> list[dict]:
    """OpenAPI query parameters of a spec `query(spec)` reads."""
    return [{"name": name, "in": "query", "required": field.required, "schema": field.schema()}
            for name, field in spec.items()]


def clean(data, spec: dict, *, partial: bool = False) -> dict:
    """Check a mapping against a spec: unknown fields, missing fields, each value."""
    if not isinstance(data, dict):
        raise Invalid("The body must be a JSON object.")
    for name in data:
        if name not in spec:
            shown = name if len(name) <= 40 else name[:40] + "…"
            raise invalid(shown, "is not a field here; expected one of "
                                 f"{', '.join(spec)}.")
    cleaned = {}
    for name, field in spec.items():
        value = data.get(name, MISSING)
        if value is MISSING:
            if field.required and not partial:
                raise invalid(name, "is required.")
            continue
        if value is None:
            if field.required or not field.nullable:
                raise invalid(name, "must not be null.")
            cleaned[name] = None
            continue
        cleaned[name] = field.clean(name, value)
        if cleaned[name] is None and not field.nullable:  # blank text, e.g. `?email=`
            raise invalid(name, "must not be empty.")
    return cleaned

