"""Which project form a table is (绩效目标表 / 绩效监控表 / 绩效自评表).

The title says it (自评, 监控, 目标…表); a title line the segmenter did not take as
one (``…项目支出绩效运行监控表``) is found above the table; else the labels the table
prints tell: 监控时点, 指标完成率 or a column reporting up to a month (``1-6月执行数``)
mean monitoring; 分值, 得分, 实际完成值 a self-evaluation; only 指标值 a target.
"""

from __future__ import annotations

from typing import Literal

from jixiao.ingest.locality import node_month
from jixiao.ingest.project.cells import cell_info
from jixiao.ingest.rows import Row
from jixiao.ingest.segments import title_key
from jixiao.ingest.text import clean_cell, label_key

ProjectKind = Literal["target", "monitoring", "self_evaluation"]

_MAX_LABEL_CHARS = 40
_MAX_TITLE_CHARS = 60
# Column labels that report up to a month: 1-6月执行数, 截至6月底完成值.
_NODE_LABEL_ENDINGS = ("执行数", "执行率", "到位数", "完成值", "完成情况", "完成率")


def detect_project_kind(rows: list[Row], title: str | None) -> ProjectKind | None:
    """The kind of a project table from its title words (自评/监控/目标; the title line
    above the table when the segmenter gave none), else from the labels it prints
    (监控时点, 指标完成率, ``1-6月执行数`` → monitoring; 分值, 得分, 实际完成值,
    全年执行数 → self-evaluation; only 指标值 → target); ``None`` if it has no
    indicator table."""
    title = title or printed_title(rows)
    if title:
        words = label_key(title)
        if "自评" in words:
            return "self_evaluation"
        if "监控" in words:
            return "monitoring"
        if "评价" in words:
            return "self_evaluation"
        if "目标" in words and "表" in words:
            return "target"
    keys: set[str] = set()
    dated: list[str] = []  # labels that may name a monitoring node (1-6月执行数)
    for row in rows:
        for raw in row.cells:
            if raw and len(raw) <= _MAX_LABEL_CHARS:
                text, _, key = cell_info(raw)
                keys.add(key)
                if "月" in text or "半年" in text:
                    dated.append(text)
    if keys & _MONITORING_KEYS or node_months([dated]):
        return "monitoring"
    if keys & _SELF_EVALUATION_KEYS:
        return "self_evaluation"
    if keys & _TARGET_KEYS:
        return "target"
    return None


_MONITORING_KEYS = frozenset(
    label_key(s)
    for s in (
        "监控时点", "指标完成率", "总体完成率", "到位数", "资金到位情况", "目前完成情况",
        "指标完成进度", "完成进度", "全年预计完成值", "全年预计执行数", "完成目标可能性",
    )
)  # fmt: skip


def node_months(lines: list[list[str]]) -> list[int]:
    """Months named by column labels such as ``1-6月执行数`` (a monitoring node),
    in the order printed; ``lines`` hold cleaned cell texts."""
    months: list[int] = []
    for cells in lines:
        for text in cells:
            if len(text) <= _MAX_LABEL_CHARS and label_key(text).endswith(_NODE_LABEL_ENDINGS):
                month = node_month(text)
                if month is not None and month < 12:
                    months.append(month)
    return months


def printed_title(rows: list[Row]) -> str | None:
    """The title printed as a line above the table when the segmenter did not take it
    as one (``…项目支出绩效运行监控表``): a one-cell row before the first table row
    whose words end in 表 and name 绩效."""
    for row in rows:
        filled = row.filled
        if len(filled) >= 2:
            return None
        if len(filled) == 1 and len(filled[0]) <= _MAX_TITLE_CHARS * 2:
            text = clean_cell(filled[0])
            key = title_key(text)  # a trailing year, unit or period aside
            if key.endswith("表") and "绩效" in key and len(text) <= _MAX_TITLE_CHARS:
                return text
    return None


_SELF_EVALUATION_KEYS = frozenset(
    label_key(s)
    for s in (
        "分值",
        "得分",
        "实际完成值",
        "全年执行数",
        "年初预算数",
        "全年预算数",
        "实际完成目标",
        "实际完成情况",
        "执行数",
        "指标完成值",
        "总分",
        "偏差原因分析及改进措施",
    )
)
_TARGET_KEYS = frozenset(
    label_key(s)
    for s in (
        "指标值",
        "指标值（包含数字及文字描述）",
        "年度指标值",
        "预期指标值",
        "年度资金总额",
        "项目总体目标",
    )
)
