"""Render e-mail templates: ours from backend/emails/, and the user's in a locked-down sandbox."""
import re
import time
from functools import cache, lru_cache
from pathlib import Path

from jinja2 import (
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
    UndefinedError,
    meta,
    nodes,
)
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

TEMPLATE_DIR = Path(__file__).parent / "emails"
PARTS = ("subject", "body")

# Limits for user templates. A real e-mail template is a few hundred characters; these leave
# ample room and keep a hostile one from costing more than a few milliseconds.
MAX_SOURCE = {"subject": 500, "body": 10_000}
MAX_OUTPUT = {"subject": 500, "body": 20_000}
MAX_DEPTH = 40  # nodes within nodes: far deeper than a person writes, far from Python's limits
MAX_SECONDS = 0.5  # a second line of defence: the checks below already make long renders impossible
# What {% set %} may build: lists of lists of the same names are how a template of a kilobyte
# makes a structure of millions of items (each list holding the previous one twice). A person
# sets a few names to a word or a short list; these limits leave them all the room they need.
MAX_LITERAL_ITEMS = 10   # items in one [...] or (...)
MAX_ASSIGNMENTS = 20     # {% set %} in one template part
MAX_SET_DEPTH = 3        # a set name built from a set name built from a set name
MAX_BUILT_ITEMS = 100    # values a set name may hold, counting those of the names it holds

# What a user template may contain. No loops, macros, calls or arithmetic: an e-mail template
# fills in names and chooses between sentences, so nothing more is needed, and without them a
# render takes time in proportion to the template's size — no CPU or memory bomb is possible.
ALLOWED_NODES = (
    nodes.Template, nodes.Output, nodes.TemplateData, nodes.Const, nodes.Name, nodes.If,
    nodes.Assign, nodes.Getattr, nodes.Getitem, nodes.Slice, nodes.Filter, nodes.Test,
    nodes.Compare, nodes.Operand, nodes.And, nodes.Or, nodes.Not, nodes.Neg, nodes.CondExpr,
    nodes.List, nodes.Tuple, nodes.Keyword,
)
# Filters whose output is never longer than a constant times their input.
ALLOWED_FILTERS = ("upper", "lower", "title", "capitalize", "trim", "default", "d", "length",
                   "first", "last", "wordcount", "string")
REFUSED = {  # node type -> what to tell the user
    nodes.For: "loops ({% for %}) are not available in e-mail templates",
    nodes.Macro: "macros are not available in e-mail templates",
    nodes.Call: "function calls are not available in e-mail templates; use a filter such as |upper",
    nodes.Concat: "joining with ~ is not available; write the pieces next to each other instead",
}
BLANK_RUN = re.compile(r"\n{3,}")
UNDEFINED_NAME = re.compile(r"'([^']+)' is undefined")


class RenderError(ValueError):
    """A template could not be rendered: the message says why, in words a user can act on."""

    def __init__(self, message: str, field: str | None = None, missing: str | None = None):
        super().__init__(message)
        self.message, self.field, self.missing = message, field, missing


@cache
def email_environment() -> Environment:
    """The one Environment for our own templates: plain text, a missing value is an error."""
    return Environment(
        loader=FileSystemLoader(TEMPLATE_DIR), undefined=StrictUndefined, autoescape=False,
        keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)


@cache
def template_names() -> tuple[str, ...]:
    """Every built-in template: each folder of backend/emails/ holding a subject and a body."""
    return tuple(sorted(p.name for p in TEMPLATE_DIR.iterdir()
                        if all((p / f"{part}.txt.j2").is_file() for part in PARTS)))


def source_of(name: str) -> dict:
    """Our template's source text, {subject, body}: where a user's own version starts from."""
    return {part: (TEMPLATE_DIR / name / f"{part}.txt.j2").read_text(encoding="utf-8")
            for part in PARTS}


def tidy(part: str, text: str) -> str:
    """Subjects on one line; bodies without trailing spaces or runs of blank lines."""
    if part == "subject":
        return " ".join(text.split())
    lines = "\n".join(line.rstrip() for line in text.strip().splitlines())
    return BLANK_RUN.sub("\n\n", lines) + "\n"


def render_email(name: str, context: dict) -> tuple[str, str]:
    """Render built-in template `name` with plain data: (subject, body)."""
    env = email_environment()
    rendered = []
    for part in PARTS:
        try:
            text = env.get_template(f"{name}/{part}.txt.j2").render(context)
        except UndefinedError as error:
            missing = _missing_name(error) or error.message
            raise RenderError(f"The {name} template needs {missing}, which is not known here.",
                              missing=missing) from None
        rendered.append(tidy(part, text))
    return rendered[0], rendered[1]


class EmailSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with only a few filters, no globals and no operators."""

    intercepted_binops = frozenset(("+", "-", "*", "/", "//", "%", "**"))
    intercepted_unops = frozenset(("+",))

    def __init__(self):
        super().__init__(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True,
                         trim_blocks=True, lstrip_blocks=True)
        self.filters = {name: self.filters[name] for name in ALLOWED_FILTERS}
        self.globals = {}

    def is_safe_attribute(self, obj, attr, value):
        """Data only: no methods (they would print as `<built-in method …>` at best)."""
        return not callable(value) and super().is_safe_attribute(obj, attr, value)

    def call_binop(self, context, operator, left, right):
        raise SecurityError(f"the {operator} operator is not available in e-mail templates")

    def call_unop(self, context, operator, arg):
        raise SecurityError(f"the {operator} operator is not available in e-mail templates")


@cache
def sandbox() -> EmailSandbox:
    """The one sandbox for user templates."""
    return EmailSandbox()


@lru_cache(maxsize=64)
def compile_user_template(source: str, part: str):
    """Parse, vet and compile one part of a user template; RenderError if it is not allowed."""
    if len(source) > MAX_SOURCE[part]:
        raise RenderError(f"{part}: the template is too long ({len(source):,} characters; "
                          f"at most {MAX_SOURCE[part]:,}).", field=part)
    env = sandbox()
    try:
        tree = env.parse(source)
        _vet(tree, part)
        code = env.compile(tree)
    except TemplateSyntaxError as error:
        raise RenderError(f"{part}, line {error.lineno}: {error.message}", field=part) from None
    except TemplateError as error:
        raise RenderError(f"{part}: {error.message}", field=part) from None
    except (RecursionError, SyntaxError, MemoryError):  # Python's own limits on nesting
        raise RenderError(f"{part}: the template is nested too deeply.", field=part) from None
    except (ValueError, OverflowError) as error:  # e.g. a number literal of 5,000 digits
        if isinstance(error, RenderError):
            raise
        raise RenderError(f"{part}: {error}.", field=part) from None
    return env.template_class.from_code(env, code, env.make_globals(None)), \
        frozenset(meta.find_undeclared_variables(tree))


def _vet(tree: nodes.Template, part: str) -> None:
    """Refuse anything but names, conditions and the allowed filters, before compiling."""
    for node, depth in _walk(tree):
        where = f"{part}, line {node.lineno}"
        if depth > MAX_DEPTH:
            raise RenderError(f"{where}: the template is nested too deeply.", field=part)
        if not isinstance(node, ALLOWED_NODES):
            reason = next((why for kind, why in REFUSED.items() if isinstance(node, kind)),
                          f"{type(node).__name__.lower()} is not available in e-mail templates"
                          if not isinstance(node, nodes.BinExpr | nodes.UnaryExpr) else
                          "arithmetic is not available in e-mail templates")
            raise RenderError(f"{where}: {reason}.", field=part)
        if isinstance(node, nodes.Filter) and node.name not in ALLOWED_FILTERS:
            raise RenderError(f"{where}: the filter |{node.name} is not available; use one of "
                              f"{', '.join(ALLOWED_FILTERS)}.", field=part)
        if _private_name(node).startswith("_"):
            raise RenderError(f"{where}: names starting with _ are not available.", field=part)
        if isinstance(node, nodes.List | nodes.Tuple) and len(node.items) > MAX_LITERAL_ITEMS:
            raise RenderError(f"{where}: a list may hold at most {MAX_LITERAL_ITEMS} items "
                              f"(this one holds {len(node.items)}).", field=part)
    _vet_assignments(tree, part)


def _vet_assignments(tree: nodes.Template, part: str) -> None:
    """Bound what {% set %} builds: how many, how deep, and how many values in all."""
    assigns = list(tree.find_all(nodes.Assign))
    if len(assigns) > MAX_ASSIGNMENTS:
        raise RenderError(f"{part}: a template may use {{% set %}} at most {MAX_ASSIGNMENTS} "
                          f"times (this one uses it {len(assigns)} times).", field=part)
    built: dict[str, tuple[int, int]] = {}  # name -> (items it may hold, set depth)
    for node in assigns:  # in the order they appear, so a name set twice counts as it grows
        items, depth = _measure(node.node, built)
        where = f"{part}, line {node.lineno}"
        if depth > MAX_SET_DEPTH:
            raise RenderError(f"{where}: {{% set %}} may build on other set names at most "
                              f"{MAX_SET_DEPTH} deep.", field=part)
        if items > MAX_BUILT_ITEMS:
            raise RenderError(f"{where}: {{% set %}} may build at most {MAX_BUILT_ITEMS} values "
                              f"(this one would hold {items:,}).", field=part)
        for target in node.target.find_all(nodes.Name) if not isinstance(node.target, nodes.Name) \
                else (node.target,):
            built[target.name] = (items, depth)


def _measure(expression: nodes.Node, built: dict) -> tuple[int, int]:
    """An upper bound on the values an expression can hold, and its depth of set names."""
    items, depth = 1, 1
    for node, _ in [(expression, 0), *_walk(expression)]:
        if isinstance(node, nodes.Name) and node.name in built:
            held, held_depth = built[node.name]
            items += held
            depth = max(depth, held_depth + 1)
        elif isinstance(node, nodes.List | nodes.Tuple):
            items += len(node.items)
    return items, depth


def _walk(tree: nodes.Node):
    """Every node below `tree` with its depth, without recursion (a template may be deep)."""
    stack = [(child, 1) for child in tree.iter_child_nodes()]
    while stack:
        node, depth = stack.pop()
        yield node, depth
        stack.extend((child, depth + 1) for child in node.iter_child_nodes())


def _private_name(node: nodes.Node) -> str:
    """The name a node looks up, if any: `_`-names lead into Python's internals."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return node.attr
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) \
            and isinstance(node.arg.value, str):
        return node.arg.value
    return ""


def render_user_template(subject: str, body: str, context: dict) -> tuple[str, str]:
    """Render a user's template in a worker process under hard limits: (subject, body).

    The template is vetted here first (cached), so a refused one never reaches a worker; the
    worker renders it again under the time, memory and output limits (render_worker.py).
    """
    from . import render_worker

    for part, source in zip(PARTS, (subject, body)):
        compile_user_template(source, part)
    try:
        kind, value = render_worker.pool().render(subject, body, context)
    except render_worker.LimitExceeded as error:
        raise RenderError(LIMIT_MESSAGES[error.limit], field="body") from None
    if kind == "error":
        message, field, missing = value
        raise RenderError(message, field=field, missing=missing)
    return value[0], value[1]


LIMIT_MESSAGES = {
    "time": "the template took longer than the time limit to render "
            "(at most 1 second); make it simpler.",
    "memory": "the template needs more memory than the memory limit allows "
              "(at most 512 MB); make it simpler.",
}


def render_user_template_here(subject: str, body: str, context: dict) -> tuple[str, str]:
    """Render a user's template in this process (the worker's side): (subject, body)."""
    rendered = []
    for part, source in zip(PARTS, (subject, body)):
        template, _ = compile_user_template(source, part)
        rendered.append(tidy(part, _render_limited(template, context, part)))
    return rendered[0], rendered[1]


def _render_limited(template, context: dict, part: str) -> str:
    """Render piece by piece, stopping as soon as the output or the time runs over."""
    deadline, size, pieces = time.monotonic() + MAX_SECONDS, 0, []
    stream = template.generate(context)
    while True:
        try:
            piece = next(stream, None)
        except UndefinedError as error:
            missing = _missing_name(error)
            if missing is None:  # an item or attribute that is not there
                raise RenderError(f"{part}: {error.message}.", field=part) from None
            raise RenderError(f"{part}: your template uses {missing}, which is not known here; "
                              f"wrap it in {{% if {missing} is defined %}}…{{% endif %}}.",
                              field=part, missing=missing) from None
        except Exception as error:
            # (divisibleby 0, a bad slice): whatever it is, the user's template is at fault.
            raise RenderError(f"{part}: {error}.", field=part) from None
        if piece is None:
            return "".join(pieces)
        size += len(piece)
        if size > MAX_OUTPUT[part]:
            raise RenderError(f"{part}: the template writes more than {MAX_OUTPUT[part]:,} "
                              "characters.", field=part)
        if time.monotonic() > deadline:
            raise RenderError(f"{part}: the template took longer than the time limit to render "
                              f"(at most {MAX_SECONDS} seconds); make it simpler.", field=part)
        pieces.append(piece)


def check_user_template(subject: str, body: str, samples: list[dict]) -> list[dict]:
    """Errors that make a user template unusable, as [{field, message}]; [] when it is fine."""
    errors = []
    for part, source in zip(PARTS, (subject, body)):
        if not isinstance(source, str):
            errors.append({"field": part, "message": f"{part}: must be text."})
            continue
        try:
            _, names = compile_user_template(source, part)
        except RenderError as error:
            errors.append({"field": part, "message": error.message})
            continue
        known = set().union(*(sample.keys() for sample in samples))
        unknown = sorted(names - known)
        if unknown:
            errors.append({"field": part, "message": f"{part}: {', '.join(unknown)} "
                           f"{'is not a name' if len(unknown) == 1 else 'are not names'} "
                           f"templates can use; they can use {', '.join(sorted(known))}."})
    if errors:
        return errors
    for sample in samples:
        try:
            render_user_template(subject, body, sample)
        except RenderError as error:
            return [{"field": error.field, "message": error.message}]
    return []


def _missing_name(error: UndefinedError) -> str | None:
    """The variable an UndefinedError is about, or None when it is about an item or attribute."""
    found = UNDEFINED_NAME.search(error.message or "")
    return found.group(1) if found else None
