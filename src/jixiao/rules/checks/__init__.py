"""The rules of checks.md, one module per group; importing this registers them all."""

from jixiao.rules.checks import arithmetic, cross, execution, targets, text_units

__all__ = ["arithmetic", "cross", "execution", "targets", "text_units"]
