"""Vocabulary of the performance forms: the labels printed in their cells.

Matching is done on :func:`jixiao.ingest.text.label_key` (no spaces or
punctuation), so ``其中: 财政资金`` and ``其中：财政资金`` are the same label. These
are the generic words of the official forms, not strings of any one document.
"""

from __future__ import annotations

from jixiao.ingest.text import label_key

# 一级指标 names seen on project-spending and fund forms (产出/效益/满意度, 65号 决策/过程).
LEVEL1_LABELS: frozenset[str] = frozenset(
    label_key(s)
    for s in (
        "产出指标", "项目完成", "项目完成指标", "效益指标", "项目效益", "项目效益指标",
        "满意度指标", "成本指标", "决策", "决策指标", "过程", "过程指标", "产出", "效益", "满意度",
        "项目产出", "项目效果",
    )
)

# 一级指标 of the fund-budget tree (财社〔2022〕65号, 10号 framework): 决策/过程/产出/效益.
# Under it 满意度 is a 二级 of 效益, while in the 88号 tree 满意度(指标) is a 一级.
FUND_TREE_LEVEL1: frozenset[str] = frozenset(
    label_key(s) for s in ("决策", "决策指标", "过程", "过程指标", "产出", "产出指标", "效益", "效益指标")
)

# 二级指标 names (财预〔2015〕88号 tree and common variants).
LEVEL2_LABELS: frozenset[str] = frozenset(
    label_key(s)
    for s in (
        "数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标",
        "生态效益指标", "可持续影响指标", "满意度指标", "服务对象满意度指标", "社会效益",
        "经济效益", "生态效益", "可持续影响", "服务对象满意度", "经济成本指标", "社会成本指标",
        "生态环境成本指标", "项目立项", "绩效目标", "资金投入", "资金管理", "组织实施",
        "产出数量", "产出质量", "产出时效", "产出成本", "项目效益", "满意度",
        "经济成本", "社会成本", "生态环境成本",
    )
)


def is_level1(text: str) -> bool:
    return label_key(text) in LEVEL1_LABELS


def is_level2(text: str) -> bool:
    return label_key(text) in LEVEL2_LABELS


# ---------------------------------------------------------------------------
# Project tables (绩效目标表 / 绩效监控表 / 绩效自评表): labels of their parts.
# Keys are label_key() forms; values name the record field the label introduces.
# ---------------------------------------------------------------------------


def _keyed(pairs: dict[str, str]) -> dict[str, str]:
    return {label_key(label): value for label, value in pairs.items()}


# Which branch of the indicator tree a 一级/二级 label belongs to, so that a lone
# ambiguous label (成本指标, 满意度指标) can be read as a child of the current group.
LEVEL_FAMILIES: dict[str, str] = _keyed(
    {
        "产出指标": "output", "项目完成": "output", "项目完成指标": "output", "产出": "output",
        "数量指标": "output", "质量指标": "output", "时效指标": "output", "成本指标": "output",
        "效益指标": "outcome", "项目效益": "outcome", "项目效益指标": "outcome", "效益": "outcome",
        "经济效益指标": "outcome", "社会效益指标": "outcome", "生态效益指标": "outcome",
        "可持续影响指标": "outcome", "社会效益": "outcome", "经济效益": "outcome",
        "生态效益": "outcome", "可持续影响": "outcome",
        "满意度指标": "satisfaction", "满意度": "satisfaction",
        "服务对象满意度指标": "satisfaction", "服务对象满意度": "satisfaction",
        "经济成本指标": "cost", "社会成本指标": "cost", "生态环境成本指标": "cost",
        "决策": "decision", "决策指标": "decision", "项目立项": "decision", "绩效目标": "decision",
        "资金投入": "decision", "过程": "process", "过程指标": "process", "资金管理": "process",
        "组织实施": "process",
        "产出数量": "output", "产出质量": "output", "产出时效": "output", "产出成本": "output",
        "项目产出": "output", "项目效果": "outcome",
        "经济成本": "cost", "社会成本": "cost", "生态环境成本": "cost",
    }
)

# 基本情况: header cells and the field each one introduces.
HEADER_FIELD_LABELS: dict[str, str] = _keyed(
    {
        "部门单位名称": "unit", "部门名称": "unit", "单位名称": "unit", "预算单位": "unit",
        "预算单位名称": "unit", "实施单位": "unit", "项目实施单位": "unit", "项目单位": "unit",
        "填报单位": "reporting_unit", "主管部门": "reporting_unit", "主管单位": "reporting_unit",
        "主管部门名称": "reporting_unit", "项目主管部门": "reporting_unit",
        "主管部门及代码": "reporting_unit", "主管部门及编码": "reporting_unit",
        "实施单位及代码": "unit", "预算单位及代码": "unit",
        "项目名称": "project",
        "项目周期": "cycle", "项目年度": "cycle", "预算年度": "cycle",
        "监控时点": "period", "监控时间": "period", "监控时段": "period",
        "金额单位": "money_unit", "单位": "money_unit",
        "项目负责人": "ignored", "填报时间": "ignored", "填报日期": "ignored",
        "预算部门": "reporting_unit", "预算部门名称": "reporting_unit",
        "资金使用单位": "unit", "项目属性": "ignored", "项目类型": "ignored",
        "项目类别": "ignored", "项目期": "ignored", "项目起止时间": "ignored",
    }
)

# Footer lines below a table (signatures and phone numbers): they end the table.
FOOTER_LABELS: frozenset[str] = frozenset(
    label_key(s)
    for s in (
        "填报人", "填表人", "制表人", "联系电话", "电话", "审核人", "单位负责人", "负责人",
        "财务负责人", "经办人", "项目负责人", "填报日期", "填报时间", "分管领导",
    )
)

# 预算执行情况 / 项目资金: the amounts (columns) of the budget block.
BUDGET_AMOUNT_LABELS: dict[str, str] = _keyed(
    {
        "预算数": "planned", "预算安排情况": "planned", "预算安排情况调整后": "planned",
        "调整后预算数": "planned", "全年预算数": "planned", "预算安排数": "planned",
        "年初预算数": "initial",
        "到位数": "available", "资金到位情况": "available", "资金到位数": "available",
        "执行数": "executed", "资金执行情况": "executed", "全年执行数": "executed",
        "实际执行数": "executed", "资金执行数": "executed",
    }
)

# The source lines of an amount (``其中:`` is dropped before lookup).
BUDGET_LINE_LABELS: dict[str, str] = _keyed(
    {
        "年度资金总额": "total", "资金总额": "total", "合计": "total",
        "财政资金": "fiscal", "财政拨款": "fiscal", "当年财政拨款": "fiscal",
        "财政拨款资金": "fiscal", "本级财政资金": "fiscal", "财政补助": "fiscal",
        "本年财政拨款": "fiscal", "本年度财政拨款": "fiscal", "当年财政资金": "fiscal",
        "上年结转结余": "carryover", "上年结余结转": "carryover",
        "社保基金": "fund_money", "医保基金": "fund_money", "社会保险基金": "fund_money",
        "社保资金": "fund_money", "医保资金": "fund_money", "基金": "fund_money",
        "上年结转资金": "carryover", "上年结转": "carryover", "结转资金": "carryover",
        "其他": "other", "其他资金": "other",
    }
)

# Columns of a scored budget line: 分值 / 执行率 / 得分.
BUDGET_SCORE_LABELS: dict[str, str] = _keyed(
    {"分值": "weight", "权重": "weight", "得分": "score", "执行率": "rate", "预算执行率": "rate",
     "预算执行进度": "rate", "资金执行进度": "rate"}
)

# 目标完成情况: the goal texts and the overall completion rate.
GOAL_LABELS: dict[str, str] = _keyed(
    {
        "年度预期目标": "goal", "项目总体目标": "goal", "年度总体目标": "goal",
        "预期目标": "goal", "总体目标": "goal", "年度目标": "goal", "年度绩效目标": "goal",
        "目前完成情况": "progress", "实际完成目标": "progress", "实际完成情况": "progress",
        "目标实际完成情况": "progress", "全年实际完成情况": "progress",
        "年初设定目标": "goal", "全年目标": "goal", "项目年度目标": "goal",
        "总体绩效目标": "goal", "年度总体绩效目标": "goal",
        "全年预计完成情况": "forecast", "预计完成情况": "forecast",
        "总体完成率": "overall",
        "中长期目标": "long_term", "长期目标": "long_term", "中期目标": "long_term",
    }
)

# Column headings of the indicator table and the indicator field under each.
INDICATOR_COLUMN_LABELS: dict[str, str] = _keyed(
    {
        "一级指标": "level1", "二级指标": "level2", "三级指标": "name", "指标名称": "name",
        "预期指标值": "target", "年度指标值": "target", "指标值": "target",
        "指标值包含数字及文字描述": "target", "目标值": "target", "年度目标值": "target",
        "预期目标值": "target", "全年指标值": "target", "计划指标值": "target",
        "指标完成值": "actual", "实际完成值": "actual", "完成值": "actual", "实际值": "actual",
        "全年实际值": "actual", "全年完成值": "actual",
        "全年预计完成值": "forecast", "全年预计完成情况": "forecast", "预计完成值": "forecast",
        "全年实际完成值": "actual", "实际完成指标值": "actual",
        "指标完成率": "completion", "完成率": "completion",
        "指标完成进度": "completion", "完成进度": "completion",
        "分值": "weight", "权重": "weight", "得分": "score",
        "计量单位": "unit", "度量单位": "unit", "指标单位": "unit",
        "指标性质": "operator", "计算符号": "operator", "指标方向": "operator",
        "偏差原因分析及改进措施": "note", "偏差原因分析及整改措施": "note",
        "偏差原因分析": "note", "未完成原因分析": "note", "原因分析": "note", "备注": "note",
        "未完成原因分析及改进措施": "note", "未完成原因和改进措施": "note",
        "原因分析及改进措施": "note", "偏差原因及改进措施": "note",
    }
)

# Heading keys of the indicator table's tree columns (一级指标, 二级指标, 三级指标, 指标名称).
TREE_HEADING_LABELS: frozenset[str] = frozenset(
    key for key, slot in INDICATOR_COLUMN_LABELS.items() if slot in ("level1", "level2", "name")
)

# Section headings (numbering such as ``四、`` removed) and the part each one opens.
SECTION_LABELS: dict[str, str] = _keyed(
    {
        "基本情况": "header",
        "预算执行情况": "budget", "项目资金": "budget", "资金情况": "budget",
        "预算执行情况万元": "budget", "项目资金万元": "budget", "项目资金情况": "budget",
        "目标完成情况": "goal", "年度目标完成情况": "goal", "总体目标完成情况": "goal",
        "年度绩效指标完成情况": "indicators", "年度绩效指标": "indicators",
        "绩效指标完成情况": "indicators", "绩效指标": "indicators",
        "绩效目标执行出现的偏差和采取的措施": "deviation",
        "绩效目标执行出现的偏差及采取的措施": "deviation", "偏差原因": "deviation",
        "偏差原因分析": "deviation", "偏差情况及原因": "deviation",
        "偏差原因分析及改进措施": "deviation", "偏差大或目标未完成原因分析": "deviation",
        "改进措施及结果应用方案": "deviation",
        "总分": "total", "合计得分": "total", "合计": "total", "总计": "total",
    }
)


def section_key(text: str) -> str:
    """A section heading's label key without its numbering (``四、…``, ``(二)``, ``3.``).

    >>> section_key("五、绩效目标执行出现的偏差和采取的措施")
    '绩效目标执行出现的偏差和采取的措施'
    >>> section_key("年度绩效 指标完成 情况")
    '年度绩效指标完成情况'
    """
    key = label_key(text)
    stripped = key.lstrip("一二三四五六七八九十0123456789")
    return stripped if stripped and len(stripped) < len(key) and _numbered(text) else key


def _numbered(text: str) -> bool:
    """Whether ``text`` opens with a heading number followed by 、/./．/)."""
    head = text.strip().lstrip("（(")
    i = 0
    while i < len(head) and head[i] in "一二三四五六七八九十0123456789":
        i += 1
    return i > 0 and i < len(head) and head[i] in "、.．)）:： "
