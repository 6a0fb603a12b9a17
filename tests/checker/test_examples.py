"""Every rule's own examples, as one table: those that must flag do, those that must pass do."""
import pytest

from backend.checker import REGISTRY, Context, check


def _cases():
    for rule in REGISTRY:
        for flags, examples in ((True, rule.examples_flag), (False, rule.examples_pass)):
            for n, example in enumerate(examples):
                body, context = example if isinstance(example, tuple) else (example, None)
                yield pytest.param(rule.id, body, context, flags,
                                   id=f"{rule.id}-{'flag' if flags else 'pass'}-{n}")


@pytest.mark.parametrize("rule, body, context, flags", list(_cases()))
def test_example(rule, body, context, flags):
    found = [f for f in check(body, context) if f.rule == rule]
    if flags:
        assert found, f"{rule} should flag {body!r}"
    else:
        assert not found, f"{rule} should pass {body!r}, found {[f.match for f in found]}"


@pytest.mark.parametrize("rule", REGISTRY, ids=lambda r: r.id)
def test_every_rule_has_examples_both_ways(rule):
    assert rule.examples_flag, f"{rule.id} has no example that must flag"
    assert rule.examples_pass, f"{rule.id} has no example that must pass"
    for example in rule.examples_flag + rule.examples_pass:
        assert isinstance(example, str) or (
            isinstance(example, tuple) and isinstance(example[1], Context)), example


@pytest.mark.parametrize("rule", REGISTRY, ids=lambda r: r.id)
def test_every_rule_explains_why(rule):
    assert len(rule.why) > 40 and "guide" in rule.why.lower(), rule.why
