"""The rule checker: a draft in, findings out, by the advice in the seed (docs/rules.md)."""
from .context import Context
from .registry import REGISTRY, RULES, SIGNATURE_MODES, Check, Finding, check

__all__ = ["Check", "Context", "Finding", "REGISTRY", "RULES", "SIGNATURE_MODES", "check"]
