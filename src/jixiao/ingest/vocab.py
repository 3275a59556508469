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
    )
)

# 二级指标 names (财预〔2015〕88号 tree and common variants).
LEVEL2_LABELS: frozenset[str] = frozenset(
    label_key(s)
    for s in (
        "数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标",
        "生态效益指标", "可持续影响指标", "满意度指标", "服务对象满意度指标", "社会效益",
        "经济效益", "生态效益", "可持续影响", "服务对象满意度", "经济成本指标", "社会成本指标",
        "生态环境成本指标", "项目立项", "绩效目标", "资金投入", "资金管理", "组织实施",
    )
)


def is_level1(text: str) -> bool:
    return label_key(text) in LEVEL1_LABELS


def is_level2(text: str) -> bool:
    return label_key(text) in LEVEL2_LABELS
