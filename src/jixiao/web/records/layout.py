"""The five forms' layout: which fields each kind shows, their labels, and the conversion
between a record and the posted form.

Input names are record-format paths (``budget.planned.total``, ``funds.public_pension.income``);
indicator inputs repeat one name per column (``ind.target``) in every row, and so do a report's
facts (``fact.value``), so the posted order is the table's order and rows can be added, removed
and moved without renumbering.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from types import SimpleNamespace
from typing import Any, get_args

from django.http import QueryDict
from pydantic import ValidationError

from jixiao.records import FUND_ACCOUNT_FIELDS, FUND_LABELS, KIND_LABELS, Fund, Record, parse_record
from jixiao.records.report import FactMetric, FactUnit
from jixiao.web.records.diff import plain

AMOUNT_PARTS: list[tuple[str, str]] = [
    ("total", "合计"),
    ("fiscal", "财政资金"),
    ("fund_money", "社保基金"),
    ("carryover", "上年结转"),
    ("other", "其他"),
]
BUDGET_MEMBERS: dict[str, list[tuple[str, str]]] = {
    "target": [("planned", "年度资金总额")],
    "monitoring": [
        ("planned", "预算数（调整后）"),
        ("available", "到位数"),
        ("executed", "执行数"),
    ],
    "self_evaluation": [
        ("initial", "年初预算数"),
        ("planned", "全年预算数"),
        ("executed", "全年执行数"),
    ],
}
BUDGET_SCALARS: dict[str, list[tuple[str, str]]] = {
    "target": [],
    "monitoring": [("execution_rate_pct", "预算执行率 %")],
    "self_evaluation": [("execution_rate_pct", "执行率 %"), ("weight", "分值"), ("score", "得分")],
}
INDICATOR_COLUMNS: dict[str, list[tuple[str, str]]] = {
    "target": [
        ("level1", "一级指标"),
        ("level2", "二级指标"),
        ("name", "三级指标"),
        ("target", "指标值"),
    ],
    "monitoring": [
        ("level1", "一级指标"),
        ("level2", "二级指标"),
        ("name", "三级指标"),
        ("target", "预期指标值"),
        ("actual", "指标完成值"),
        ("completion_pct", "指标完成率 %"),
        ("note", "偏差原因及改进措施"),
    ],
    "self_evaluation": [
        ("level1", "一级指标"),
        ("level2", "二级指标"),
        ("name", "三级指标"),
        ("target", "年度指标值"),
        ("actual", "实际完成值"),
        ("weight", "分值"),
        ("score", "得分"),
        ("note", "偏差原因及改进措施"),
    ],
}
NUMERIC_INDICATOR_COLUMNS = frozenset({"completion_pct", "weight", "score"})

HEADER_TEXT: dict[str, list[tuple[str, str]]] = {
    "target": [("project", "项目名称"), ("unit", "预算单位"), ("reporting_unit", "主管部门")],
    "monitoring": [
        ("project", "项目名称"),
        ("unit", "部门单位名称"),
        ("reporting_unit", "填报单位"),
        ("period", "监控时点 (YYYY-MM)"),
    ],
    "self_evaluation": [
        ("project", "项目名称"),
        ("unit", "实施单位"),
        ("reporting_unit", "主管部门"),
    ],
    "final_accounts": [],
    "report": [],
}
LONG_TEXT: dict[str, list[tuple[str, str]]] = {
    "target": [("goal", "项目总体目标")],
    "monitoring": [
        ("goal", "年度预期目标"),
        ("progress", "目前完成情况"),
        ("deviation", "绩效目标执行出现的偏差和采取的措施"),
    ],
    "self_evaluation": [
        ("goal", "预期目标"),
        ("progress", "实际完成情况"),
        ("deviation", "偏差原因"),
    ],
    "final_accounts": [],
    "report": [],
}
HEADER_NUMBERS: dict[str, list[tuple[str, str]]] = {
    "target": [],
    "monitoring": [("overall_completion_pct", "总体完成率 %")],
    "self_evaluation": [("total_weight", "总分 分值"), ("total_score", "总分 得分")],
    "final_accounts": [],
    "report": [],
}
FUND_ACCOUNT_LABELS: dict[str, str] = {
    "income": "基金收入",
    "income_contributions": "其中：保险费收入",
    "income_interest": "利息收入",
    "income_subsidy": "财政补贴收入",
    "expenditure": "基金支出",
    "expenditure_benefits": "其中：待遇支出",
    "balance": "本年收支结余",
    "closing_balance": "年末滚存结余",
    "payable_months": "可支付月数",
}
COMPUTED_LABELS: dict[str, str] = {
    "grade": "等级",
    "time_progress_pct": "序时进度 %",
    "total_weight": "总分 分值",
    "total_score": "总分 得分",
    "overall_completion_pct": "总体完成率 %",
}
FUND_CODES = frozenset(f.value for f in Fund)
FACT_SUBJECTS: list[tuple[str, str]] = [("total", "总体"), *((f.value, f.label) for f in Fund)]
"""A fact's ``subject``: the whole of the funds the report covers, or one fund."""
FACT_METRIC_LABELS: dict[str, str] = {
    "income": "收入",
    "expenditure": "支出",
    "balance": "结余",
    "closing_balance": "年末累计结余",
    "planned": "预算数",
    "executed": "执行数",
    "execution_rate_pct": "预算执行率",
    "insured": "参保人数",
    "beneficiaries": "享受待遇人数",
}
FACT_METRICS: list[tuple[str, str]] = [(m, FACT_METRIC_LABELS[m]) for m in get_args(FactMetric)]
FACT_UNITS: list[tuple[str, str]] = [(u, u) for u in get_args(FactUnit)]
FACT_COLUMNS: list[tuple[str, str]] = [
    ("subject", "对象"),
    ("metric", "指标"),
    ("value", "数值"),
    ("unit", "单位"),
    ("quote", "原文"),
]
FACT_OPTIONS: dict[str, list[tuple[str, str]]] = {
    "subject": FACT_SUBJECTS,
    "metric": FACT_METRICS,
    "unit": FACT_UNITS,
}
FACT_REQUIRED: dict[str, str] = {
    "subject": "请选择对象",
    "metric": "请选择指标",
    "value": "请填写数值",
    "unit": "请选择单位",
}
DISPLAY_PLACES = Decimal("0.01")
MONEY_UNITS = ["万元", "亿元", "元"]

# The standard indicator tree (domain-rules.md §4.2) offered as suggestions; free text stays allowed.
STANDARD_TREE: dict[str, list[str]] = {
    "产出指标": ["数量指标", "质量指标", "时效指标", "成本指标"],
    "效益指标": ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
    "满意度指标": ["服务对象满意度指标"],
}

_INDEXED = re.compile(r"^indicators\[(\d+)\]\.(\w+)$")
_FACT = re.compile(r"^facts\[(\d+)\]\.(\w+)$")


def fact_name(fact: Any) -> str:
    """A fact as a person names it: 对象 and 指标 (``总体 收入``)."""
    subject = fact.get("subject") if isinstance(fact, Mapping) else getattr(fact, "subject", None)
    metric = fact.get("metric") if isinstance(fact, Mapping) else getattr(fact, "metric", None)
    parts = [dict(FACT_SUBJECTS).get(subject or "", subject or "")]
    parts.append(FACT_METRIC_LABELS.get(metric or "", metric or ""))
    return " ".join(p for p in parts if p)


def field_label(path: str, record: Record | None = None) -> str:
    """A person's name for a record-format path (``indicators[2].target`` → 第3行指标 预期指标值)."""
    kind = record.kind if record is not None else "monitoring"
    match = _INDEXED.match(path)
    if match:
        row, column = int(match.group(1)), match.group(2)
        labels = dict(INDICATOR_COLUMNS.get(kind, INDICATOR_COLUMNS["monitoring"]))
        name = None
        indicators = getattr(record, "indicators", None)
        if indicators is not None and row < len(indicators):
            name = indicators[row].name
        prefix = f"指标“{name}”" if name else f"第{row + 1}行指标"
        return f"{prefix} {labels.get(column, column)}"
    match = _FACT.match(path)
    if match:
        row, column = int(match.group(1)), match.group(2)
        facts = getattr(record, "facts", None)
        name = fact_name(facts[row]) if facts is not None and row < len(facts) else ""
        prefix = f"文中数字“{name}”" if name else f"第{row + 1}条文中数字"
        return f"{prefix} {dict(FACT_COLUMNS).get(column, column)}"
    parts = path.split(".")
    if parts[0] == "budget":
        members = dict(BUDGET_MEMBERS.get(kind, []) + BUDGET_SCALARS.get(kind, []))
        label = members.get(parts[1], parts[1]) if len(parts) > 1 else "预算"
        if len(parts) > 2:
            label += " " + dict(AMOUNT_PARTS).get(parts[2], parts[2])
        return label
    if parts[0] in ("funds", "totals"):
        fund = (
            "合计"
            if parts[0] == "totals"
            else FUND_LABELS.get(Fund(parts[1]), parts[1])
            if len(parts) > 1
            else ""
        )
        member = parts[-1]
        return f"{fund} {FUND_ACCOUNT_LABELS.get(member, member)}".strip()
    for table in (HEADER_TEXT, LONG_TEXT, HEADER_NUMBERS):
        labels = dict(table.get(kind, []))
        if path in labels:
            return labels[path]
    named = {
        "title": "标题",
        "region": "地区",
        "year": "年度",
        "fund": "险种",
        "money_unit": "金额单位",
        "text": "正文",
        "facts": "文中数字",
        "indicators": "绩效指标",
        **COMPUTED_LABELS,
    }
    return named.get(path, path)


# --- form ↔ record ------------------------------------------------------------------------


class FormErrors(ValueError):
    """Values the form cannot turn into a record, by input path (``facts[1].value``).

    ``typed`` is the form as plain record data with each bad value as it was typed, so the
    form can be shown again as the user left it, each message beside its cell."""

    def __init__(self, errors: dict[str, str], typed: dict[str, Any] | None = None) -> None:
        super().__init__("；".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors
        self.typed = typed


class _Problems(dict[str, str]):
    """Messages by input path, and what was typed there."""

    def __init__(self) -> None:
        super().__init__()
        self.typed: dict[str, str] = {}

    def add(self, path: str, message: str, typed: str | None = None) -> None:
        self[path] = message
        if typed is not None:
            self.typed[path] = typed


def _text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _body(value: str | None) -> str:
    """A report's text exactly as typed; only the browser's CRLF line ends become ``\\n``."""
    return (value or "").replace("\r\n", "\n").replace("\r", "\n")


def _number(value: str | None, path: str, errors: _Problems) -> Decimal | None:
    text = (value or "").strip().replace(",", "").replace("，", "").removesuffix("%").strip()
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        errors.add(path, f"“{value}”不是数字", value)
        return None
    if not number.is_finite():
        errors.add(path, f"“{value}”不是数字", value)
        return None
    return number


def _int(value: str | None, path: str, errors: _Problems) -> int | None:
    text = (value or "").strip()
    if not text:
        return None
    if not text.isdigit():
        errors.add(path, f"“{value}”不是整数", value)
        return None
    return int(text)


_PATH_PART = re.compile(r"(\w+)|\[(\d+)\]")


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    """Set ``value`` at a record-format path of plain data, making the dicts on the way."""
    keys: list[str | int] = [int(i) if i else n for n, i in _PATH_PART.findall(path)]
    node: Any = data
    for key in keys[:-1]:
        child = node[key] if isinstance(key, int) else node.get(key)
        if child is None:
            child = {}
            node[key] = child
        node = child
    node[keys[-1]] = value


_VALIDATION_MESSAGES = {
    "literal_error": "不是可选的值",
    "enum": "不是可选的值",
    "missing": "必须填写",
    "int_parsing": "不是整数",
    "int_type": "不是整数",
    "decimal_parsing": "不是数字",
    "decimal_type": "不是数字",
    "string_type": "必须是文字",
}


def _validation_errors(kind: str, exc: ValidationError) -> dict[str, str]:
    """The model's complaints by record-format path, in Chinese."""
    errors: dict[str, str] = {}
    for error in exc.errors():
        loc = list(error["loc"])
        if loc and loc[0] == kind:  # the tag of the record union
            loc = loc[1:]
        path = ""
        for part in loc:
            path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
        errors[path or "record"] = _VALIDATION_MESSAGES.get(error["type"], "值无效")
    return errors


def _rows(getlist: Any, prefix: str, columns: list[str]) -> list[dict[str, str]]:
    """The posted rows of a repeated-name table (``ind.*``, ``fact.*``), fully blank rows left out."""
    values = {c: list(getlist(f"{prefix}.{c}")) for c in columns}
    count = max((len(v) for v in values.values()), default=0)
    rows = []
    for row in range(count):
        cells = {c: (values[c][row] if row < len(values[c]) else "") or "" for c in columns}
        if any(v.strip() for v in cells.values()):
            rows.append(cells)
    return rows


def _facts(getlist: Any, errors: _Problems) -> list[dict[str, Any]]:
    """A report's facts from the posted table; a row needs 对象, 指标, 数值 and 单位."""
    facts = []
    for position, cells in enumerate(_rows(getlist, "fact", [c for c, _ in FACT_COLUMNS])):
        fact: dict[str, Any] = {}
        for column, _ in FACT_COLUMNS:
            path = f"facts[{position}].{column}"
            if column == "value":
                fact[column] = _number(cells[column], path, errors)
            else:
                fact[column] = cells[column].strip()
            if column in FACT_REQUIRED and not cells[column].strip():
                errors.add(path, FACT_REQUIRED[column])
        facts.append(fact)
    return facts


def record_from_form(kind: str, data: QueryDict | Mapping[str, Any]) -> Record:
    """The record the posted form describes; raises :class:`FormErrors` for bad values."""
    get = data.get
    getlist = data.getlist if isinstance(data, QueryDict) else (lambda k: data.get(k, []))
    errors = _Problems()
    result: dict[str, Any] = {
        "kind": kind,
        "title": _text(get("title")),
        "region": _text(get("region")),
        "year": _int(get("year"), "year", errors),
        "fund": _text(get("fund")),
        "money_unit": _text(get("money_unit")),
    }
    if kind == "final_accounts":
        funds: dict[str, Any] = {}
        for fund in Fund:
            values = {
                m: _number(get(f"funds.{fund.value}.{m}"), f"funds.{fund.value}.{m}", errors)
                for m in FUND_ACCOUNT_FIELDS
            }
            if any(v is not None for v in values.values()):
                funds[fund.value] = values
        result["funds"] = funds
        result["totals"] = {
            m: _number(get(f"totals.{m}"), f"totals.{m}", errors) for m in FUND_ACCOUNT_FIELDS
        }
    elif kind == "report":
        result["text"] = _body(get("text"))
        result["facts"] = _facts(getlist, errors)
    else:
        for name, _ in HEADER_TEXT[kind] + LONG_TEXT[kind]:
            result[name] = _text(get(name))
        for name, _ in HEADER_NUMBERS[kind]:
            result[name] = _number(get(name), name, errors)
        budget: dict[str, Any] = {}
        for member, _ in BUDGET_MEMBERS[kind]:
            amount = {
                p: _number(get(f"budget.{member}.{p}"), f"budget.{member}.{p}", errors)
                for p, _ in AMOUNT_PARTS
            }
            budget[member] = amount if any(v is not None for v in amount.values()) else None
        for name, _ in BUDGET_SCALARS[kind]:
            budget[name] = _number(get(f"budget.{name}"), f"budget.{name}", errors)
        result["budget"] = budget
        columns = [c for c, _ in INDICATOR_COLUMNS[kind]]
        indicators = []
        for position, cells in enumerate(_rows(getlist, "ind", columns)):
            indicator: dict[str, Any] = {}
            for column in columns:
                path = f"indicators[{position}].{column}"
                if column in NUMERIC_INDICATOR_COLUMNS:
                    indicator[column] = _number(cells[column], path, errors)
                else:
                    indicator[column] = _text(cells[column])
            indicators.append(indicator)
        result["indicators"] = indicators
    if errors:
        for path, typed in errors.typed.items():
            _put(result, path, typed)
        raise FormErrors(dict(errors), result)
    try:
        return parse_record(result)
    except ValidationError as exc:
        raise FormErrors(_validation_errors(kind, exc), result) from None


def error_findings(
    errors: Mapping[str, str], kind: str, typed: Mapping[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Form errors as findings (code 输入, severity error), so they show beside their cells and
    in the findings panel like the rules' findings. ``typed`` (the form as typed) names the
    rows (``指标“参保人数” 分值``)."""
    typed = typed or {}
    named = SimpleNamespace(
        kind=kind,
        indicators=[SimpleNamespace(name=i.get("name")) for i in typed.get("indicators") or []],
        facts=list(typed.get("facts") or []),
    )
    return [
        {
            "code": "输入",
            "severity": "error",
            "field": path,
            "message": message,
            "label": field_label(path, named) if path != "record" else "",  # type: ignore[arg-type]
            "short": message,
        }
        for path, message in errors.items()
    ]


# --- record → view model --------------------------------------------------------------------


@dataclass
class Cell:
    """One value of the form or the read-only table, with what the rules say about it."""

    path: str
    name: str
    label: str
    value: str
    numeric: bool = False
    computed: str | None = None
    findings: list[dict[str, Any]] = field(default_factory=list)
    display: str = ""
    options: list[tuple[str, str]] | None = None
    """The choices of a select (value, label), the cell's own value among them."""

    @property
    def severity(self) -> str:
        severities = {f["severity"] for f in self.findings}
        for level in ("error", "warning", "info"):
            if level in severities:
                return level
        return ""


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


@dataclass
class FormView:
    """Everything the form and the read-only page render for one record."""

    kind: str
    kind_label: str
    header: list[Cell]
    header_numbers: list[Cell]
    long_text: list[Cell]
    budget_rows: list[tuple[str, list[Cell]]]
    budget_scalars: list[Cell]
    indicator_columns: list[tuple[str, str]]
    indicator_rows: list[list[Cell]]
    readings: list[dict[str, str]]
    fund_rows: list[tuple[str, str, list[Cell]]]
    fund_columns: list[tuple[str, str]]
    other_computed: list[tuple[str, str]]
    record_findings: list[dict[str, Any]]
    text: Cell | None = None
    fact_columns: list[tuple[str, str, list[tuple[str, str]] | None]] = field(default_factory=list)
    fact_rows: list[list[Cell]] = field(default_factory=list)


def computed_text(value: Any) -> str:
    """A computed figure for display: at most two decimals (the rules keep exact values)."""
    if isinstance(value, Decimal) and value.is_finite():
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -2:
            return format(value.quantize(DISPLAY_PLACES), "f")
    return _shown(value)


def _cell(
    path: str,
    name: str,
    label: str,
    value: Any,
    numeric: bool,
    computed: Mapping[str, Any],
    by_path: Mapping[str, list[dict[str, Any]]],
    used: set[str],
) -> Cell:
    used.add(path)
    shown = computed.get(path)
    return Cell(
        path=path,
        name=name,
        label=label,
        value=_shown(value),
        numeric=numeric,
        computed=computed_text(shown) if shown is not None else None,
        findings=list(by_path.get(path, [])),
    )


def reading_of(text: str | None) -> dict[str, str]:
    """How jixiao reads a target text (shown beside it): ``{"text", "kind"}``."""
    from jixiao.expr import format_target, parse_target

    if not text or not text.strip():
        return {"text": "", "kind": "empty"}
    expr = parse_target(text)
    if expr.kind == "malformed":
        return {"text": f"无法读取：{expr.reason or '表达式有误'}", "kind": "malformed"}
    if expr.kind == "qualitative":
        return {"text": "定性目标", "kind": "qualitative"}
    return {"text": f"读作 {format_target(expr)}", "kind": expr.kind}


def _choices(options: list[tuple[str, str]], value: str) -> list[tuple[str, str]]:
    """``options`` with ``value`` added when it is none of them (a value the API stored, or one
    the form refused), so that showing a record and saving it again loses nothing."""
    if value and value not in dict(options):
        return [*options, (value, f"{value}（非标准）")]
    return options


def _fact_cells(i: int, fact: Mapping[str, Any], cell: Any) -> list[Cell]:
    cells = []
    for column, label in FACT_COLUMNS:
        c = cell(
            f"facts[{i}].{column}", label, fact.get(column), column == "value", f"fact.{column}"
        )
        options = FACT_OPTIONS.get(column)
        if options is not None:
            c.options = _choices(options, c.value)
            c.display = dict(c.options).get(c.value, c.value)
        cells.append(c)
    return cells


def form_view(
    record: Record,
    computed: Mapping[str, Any],
    findings: list[dict[str, Any]],
    data: dict[str, Any] | None = None,
) -> FormView:
    """Lay out ``record`` for its kind with computed figures and findings placed by path.

    ``data`` is the record as plain data when the caller has it (a stored version's JSON)."""
    kind = record.kind
    data = plain(record) if data is None else data
    by_path: dict[str, list[dict[str, Any]]] = {}
    for finding in findings:
        by_path.setdefault(finding.get("field") or "", []).append(finding)
    used: set[str] = set()

    def cell(
        path: str, label: str, value: Any, numeric: bool = False, name: str | None = None
    ) -> Cell:
        return _cell(
            path, path if name is None else name, label, value, numeric, computed, by_path, used
        )

    fund_cell = cell("fund", "险种", data.get("fund"))
    fund = data.get("fund")
    fund_cell.display = (
        Fund(fund).label if fund in FUND_CODES else str(fund) if fund else "（多个或未注明）"
    )
    header = [
        cell("title", "标题", data.get("title")),
        cell("region", "地区", data.get("region")),
        cell("year", "年度", data.get("year"), True),
        fund_cell,
        cell("money_unit", "金额单位", data.get("money_unit")),
    ]
    header += [cell(n, label, data.get(n)) for n, label in HEADER_TEXT.get(kind, [])]
    header_numbers = [
        cell(n, label, data.get(n), True) for n, label in HEADER_NUMBERS.get(kind, [])
    ]
    long_text = [cell(n, label, data.get(n)) for n, label in LONG_TEXT.get(kind, [])]
    budget = data.get("budget") or {}
    budget_rows = []
    for member, label in BUDGET_MEMBERS.get(kind, []):
        amount = budget.get(member) or {}
        budget_rows.append(
            (
                label,
                [
                    cell(f"budget.{member}.{p}", plabel, amount.get(p), True)
                    for p, plabel in AMOUNT_PARTS
                ],
            )
        )
    budget_scalars = [
        cell(f"budget.{n}", label, budget.get(n), True) for n, label in BUDGET_SCALARS.get(kind, [])
    ]
    columns = INDICATOR_COLUMNS.get(kind, [])
    indicator_rows = []
    readings = []
    for i, indicator in enumerate(data.get("indicators") or []):
        indicator_rows.append(
            [
                cell(
                    f"indicators[{i}].{c}",
                    label,
                    indicator.get(c),
                    c in NUMERIC_INDICATOR_COLUMNS,
                    name=f"ind.{c}",
                )
                for c, label in columns
            ]
        )
        readings.append(reading_of(indicator.get("target")))
    fund_rows = []
    if kind == "final_accounts":
        funds = data.get("funds") or {}
        for fund in Fund:
            values = funds.get(fund.value) or {}
            fund_rows.append(
                (
                    fund.value,
                    fund.label,
                    [
                        cell(f"funds.{fund.value}.{m}", FUND_ACCOUNT_LABELS[m], values.get(m), True)
                        for m in FUND_ACCOUNT_FIELDS
                    ]
                    + [
                        cell(
                            f"funds.{fund.value}.payable_months", "可支付月数", None, True, name=""
                        )
                    ],
                )
            )
        totals = data.get("totals") or {}
        fund_rows.append(
            (
                "totals",
                "合计",
                [
                    cell(f"totals.{m}", FUND_ACCOUNT_LABELS[m], totals.get(m), True)
                    for m in FUND_ACCOUNT_FIELDS
                ]
                + [cell("totals.payable_months", "可支付月数", None, True, name="")],
            )
        )
    text = None
    fact_rows = []
    if kind == "report":
        text = Cell(path="text", name="text", label="正文", value=_shown(data.get("text")))
        fact_rows = [_fact_cells(i, f, cell) for i, f in enumerate(data.get("facts") or [])]
    other_computed = [
        (field_label(path, record), computed_text(value))
        for path, value in computed.items()
        if path not in used and value is not None
    ]
    return FormView(
        kind=kind,
        kind_label=KIND_LABELS[kind],
        header=header,
        header_numbers=header_numbers,
        long_text=long_text,
        budget_rows=budget_rows,
        budget_scalars=budget_scalars,
        indicator_columns=columns,
        indicator_rows=indicator_rows,
        readings=readings,
        fund_rows=fund_rows,
        fund_columns=[
            (m, FUND_ACCOUNT_LABELS[m]) for m in (*FUND_ACCOUNT_FIELDS, "payable_months")
        ],
        other_computed=other_computed,
        record_findings=[f for f in findings if (f.get("field") or "") not in used],
        text=text,
        fact_columns=[(c, label, FACT_OPTIONS.get(c)) for c, label in FACT_COLUMNS]
        if kind == "report"
        else [],
        fact_rows=fact_rows,
    )


SHORT_MESSAGE = 30


def short_message(finding: Mapping[str, Any]) -> str:
    """The finding as a cell shows it: code and the start of the message (full text on hover)."""
    message = str(finding.get("message") or "")
    head = re.split(r"[，；;（(]", message, maxsplit=1)[0]
    if len(head) > SHORT_MESSAGE:
        head = head[:SHORT_MESSAGE] + "…"
    return f"{finding.get('code')} {head}"


def label_findings(findings: list[dict[str, Any]], record: Record) -> list[dict[str, Any]]:
    """The findings with ``label`` (a person's name for ``field``) and ``short`` added."""
    return [
        dict(
            f,
            label=field_label(f["field"], record) if f.get("field") else "",
            short=short_message(f),
        )
        for f in findings
    ]


def cells_json(view: FormView | None) -> str:
    """``cells_payload`` as JSON safe to embed in a ``<script>`` element."""
    import json

    payload = cells_payload(view) if view is not None else {"cells": {}, "readings": []}
    return json.dumps(payload, ensure_ascii=False).replace("<", "\\u003c")


def cells_payload(view: FormView) -> dict[str, Any]:
    """What the browser script needs to refresh the form in place after a recompute."""
    cells: dict[str, Any] = {}
    for group in [
        view.header,
        view.header_numbers,
        view.long_text,
        view.budget_scalars,
        *[cells for _, cells in view.budget_rows],
        *[cells for _, _, cells in view.fund_rows],
        *view.indicator_rows,
        *view.fact_rows,
    ]:
        for c in group:
            if c.computed is not None or c.findings:
                cells[c.path] = {
                    "computed": c.computed,
                    "severity": c.severity,
                    "messages": [
                        {
                            "short": f.get("short") or short_message(f),
                            "full": f"{f['code']} {f['message']}",
                        }
                        for f in c.findings
                    ],
                }
    return {"cells": cells, "readings": view.readings}


def empty_record(kind: str) -> Record:
    return parse_record({"kind": kind})
