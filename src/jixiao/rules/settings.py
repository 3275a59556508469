"""Region-dependent policy: every choice that differs between regions is a setting.

The defaults are the national ones of domain-rules.md §7; ``docs/rules.md`` lists
them. A region loads its own from a JSON or TOML file (``jixiao check --settings``):

.. code-block:: toml

    reverse_formula = "linear"
    completion_methods = ["capped_x_progress"]
    deviation_threshold_points = 15

    [prudent_months.employee_medical]   # the other funds keep their defaults
    low = 9
    high = 15
    error_below = 3
"""

from __future__ import annotations

import json
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from jixiao.records import Fund

CompletionMethod = Literal[
    "capped_x_progress",
    "ratio_x_progress",
    "capped",
    "ratio",
    "capped_per_progress",
    "ratio_per_progress",
]
"""How a monitoring 指标完成率 is computed from the achievement ratio r and the time
progress p (checks.md JX102, domain-rules §3.4): r or min(r, 1), each optionally × p or ÷ p."""

ALL_COMPLETION_METHODS: tuple[CompletionMethod, ...] = (
    "capped_x_progress",
    "ratio_x_progress",
    "capped",
    "ratio",
    "capped_per_progress",
    "ratio_per_progress",
)

ReverseFormula = Literal["ratio", "linear"]
"""Achievement of a missed ≤ target: ``ratio`` = target/actual (the forms, S10/S11);
``linear`` = 1 − (actual − target)/target, 0 from twice the target (vendor C1)."""


class _Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FirstLevelWeights(_Settings):
    """分值 of the 预算执行率 and of each 一级指标 group (10号: 10/50/30/10)."""

    budget: Decimal = Decimal(10)
    output: Decimal = Decimal(50)
    benefit: Decimal = Decimal(30)
    satisfaction: Decimal = Decimal(10)

    @property
    def total(self) -> Decimal:
        return self.budget + self.output + self.benefit + self.satisfaction


class QualitativeBands(_Settings):
    """Lower limits, in percent of 分值, of the qualitative tiers (10号: 80/60; some
    templates 80/50). 达成 [achieved_min, 100], 部分达成 [partial_min, achieved_min),
    未达成 [0, partial_min)."""

    achieved_min_pct: Decimal = Decimal(80)
    partial_min_pct: Decimal = Decimal(60)


class MonthsRange(_Settings):
    """Prudent 可支付月数 of a fund: outside [low, high] is a warning, below
    ``error_below`` an error. ``None`` leaves that side unchecked."""

    low: Decimal | None = None
    high: Decimal | None = None
    error_below: Decimal | None = None


class GradeBands(_Settings):
    """Lower limits of the grades (财政部预算司): 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差."""

    excellent: Decimal = Decimal(90)
    good: Decimal = Decimal(80)
    fair: Decimal = Decimal(60)


def _default_prudent_months() -> dict[Fund, MonthsRange]:
    medical = MonthsRange(low=Decimal(6), high=Decimal(9), error_below=Decimal(3))
    pension = MonthsRange(low=Decimal(2))
    return {
        Fund.employee_medical: medical,
        Fund.resident_medical: medical,
        Fund.enterprise_pension: pension,
        Fund.public_pension: pension,
        Fund.resident_pension: pension,
    }


class SettingsError(Exception):
    """A settings file that cannot be read; the message is for the user."""


class RuleSettings(_Settings):
    """Policy settings of the checks and computations; defaults are national (§7)."""

    first_level_weights: FirstLevelWeights = FirstLevelWeights()
    qualitative_bands: QualitativeBands = QualitativeBands()
    reverse_formula: ReverseFormula = "ratio"
    completion_methods: tuple[CompletionMethod, ...] = ALL_COMPLETION_METHODS
    """Accepted monitoring completion methods, in order of preference (the first is
    used for the expected figure when a record's own method cannot be told)."""
    overall_completion: Literal["mean", "capped_mean"] = "mean"
    """总体完成率: mean of the printed indicator rates, or of the rates capped at 100%."""
    time_progress_basis: Literal["month", "day"] = "month"
    """序时进度: month/12 (vendor C4) or days elapsed at the month's end / days in the year (C10)."""
    deviation_threshold_points: Decimal = Decimal(10)
    """How far (percentage points) an execution rate may stray from its time progress."""
    over_execution_error_pct: Decimal = Decimal(120)
    """Over-execution above this rate without a reason is an error (JX301)."""
    prudent_months: dict[Fund, MonthsRange] = Field(default_factory=_default_prudent_months)
    grade_bands: GradeBands = GradeBands()
    ignore: tuple[str, ...] = ()
    """Rule codes switched off (``["JX106"]``)."""

    @field_validator("prudent_months", mode="before")
    @classmethod
    def _over_defaults(cls, value: Any) -> Any:
        """A region's ranges replace the defaults of the funds it names; the other funds keep theirs."""
        if not isinstance(value, dict):
            return value
        merged: dict[str, Any] = {
            fund.value: months for fund, months in _default_prudent_months().items()
        }
        merged.update({str(getattr(k, "value", k)): v for k, v in value.items()})
        return merged

    @field_validator("completion_methods")
    @classmethod
    def _some_method(cls, value: tuple[CompletionMethod, ...]) -> tuple[CompletionMethod, ...]:
        if not value:
            raise ValueError("至少要接受一种完成率算法")
        return value

    @classmethod
    def from_mapping(cls, data: Any, source: str = "<settings>") -> RuleSettings:
        """Validate settings from plain data; :class:`SettingsError` in Chinese if wrong."""
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            problems = "；".join(
                f"{'.'.join(str(p) for p in error['loc']) or '(根)'}: {error['msg']}"
                for error in exc.errors()
            )
            raise SettingsError(f"{source}: 设置无效：{problems}") from None

    @classmethod
    def load(cls, path: Path) -> RuleSettings:
        """Read settings from a ``.json`` or ``.toml`` file."""
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise SettingsError(f"{path}: 无法读取设置文件（{exc}）") from None
        try:
            if path.suffix.lower() == ".toml":
                data: Any = tomllib.loads(text)
            else:
                data = json.loads(text, parse_float=Decimal)
        except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
            raise SettingsError(f"{path}: 设置文件格式错误（{exc}）") from None
        return cls.from_mapping(data, str(path))


DEFAULT_SETTINGS = RuleSettings()
