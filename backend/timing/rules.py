"""The timing rules, loaded once from rules.toml and checked."""
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .business_days import is_supported_country

RULES_FILE = Path(__file__).with_name("rules.toml")

# Each section of rules.toml with the keys it must have (and nothing else).
WINDOW_SECTIONS = (
    "first_follow_up_without_timeline",
    "first_follow_up_after_decision",
    "second_follow_up",
    "move_on",
)
SECTION_KEYS = {
    **{name: {"earliest", "latest", "source"} for name in WINDOW_SECTIONS},
    "follow_ups": {"max", "source"},
    "country": {"default", "source"},
    "weekly_goal": {"min", "max", "source"},
}


class RulesError(ValueError):
    """rules.toml is missing something or holds a number that cannot be right."""


@dataclass(frozen=True)
class Window:
    """Business days from a start day to the earliest and latest day of an action."""

    earliest: int
    latest: int
    source: str


@dataclass(frozen=True)
class Rules:
    """Every number the timing engine uses, each with where it comes from."""

    first_follow_up_without_timeline: Window
    first_follow_up_after_decision: Window
    second_follow_up: Window
    move_on: Window
    max_follow_ups: int
    max_follow_ups_source: str
    default_country: str
    default_country_source: str
    weekly_goal_min: int
    weekly_goal_max: int
    weekly_goal_source: str


def load_rules(path: Path = RULES_FILE) -> Rules:
    """Read and check a rules file; raise RulesError naming what is wrong."""
    with open(path, "rb") as file:
        data = tomllib.load(file)
    _check_keys(data)
    windows = {name: _window(name, data[name]) for name in WINDOW_SECTIONS}
    max_follow_ups = _count(data["follow_ups"], "max", "follow_ups")
    goal_min = _count(data["weekly_goal"], "min", "weekly_goal")
    goal_max = _count(data["weekly_goal"], "max", "weekly_goal")
    if goal_min > goal_max:
        raise RulesError("weekly_goal: min is above max")
    country = data["country"]["default"]
    if not isinstance(country, str) or not is_supported_country(country):
        raise RulesError(f"country: {country!r} is not a country the holidays package knows")
    return Rules(
        **windows,
        max_follow_ups=max_follow_ups,
        max_follow_ups_source=_source(data["follow_ups"], "follow_ups"),
        default_country=country,
        default_country_source=_source(data["country"], "country"),
        weekly_goal_min=goal_min,
        weekly_goal_max=goal_max,
        weekly_goal_source=_source(data["weekly_goal"], "weekly_goal"),
    )


def _check_keys(data: dict) -> None:
    """Every section present with exactly its keys: a typo must not fall back silently."""
    if set(data) != set(SECTION_KEYS):
        missing, unknown = set(SECTION_KEYS) - set(data), set(data) - set(SECTION_KEYS)
        raise RulesError(f"sections missing {sorted(missing)}, unknown {sorted(unknown)}")
    for name, keys in SECTION_KEYS.items():
        if not isinstance(data[name], dict) or set(data[name]) != keys:
            raise RulesError(f"{name}: needs exactly the keys {sorted(keys)}")


def _window(name: str, section: dict) -> Window:
    """One earliest/latest pair; the window must not be empty or reversed."""
    earliest, latest = _count(section, "earliest", name), _count(section, "latest", name)
    if earliest > latest:
        raise RulesError(f"{name}: earliest is after latest")
    return Window(earliest, latest, _source(section, name))


def _count(section: dict, key: str, name: str) -> int:
    """A positive whole number (bool is an int in Python, so refuse it by name)."""
    value = section[key]
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise RulesError(f"{name}.{key}: must be a whole number of at least 1, not {value!r}")
    return value


def _source(section: dict, name: str) -> str:
    """Every number says where it comes from."""
    source = section["source"]
    if not isinstance(source, str) or not source.strip():
        raise RulesError(f"{name}.source: say where the numbers come from")
    return source


RULES = load_rules()
