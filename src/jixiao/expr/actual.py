"""Reading and writing actuals (指标完成值 / 实际完成值) as :class:`ActualValue`."""

from __future__ import annotations

import re
from functools import lru_cache

from jixiao.expr.lexer import normalize
from jixiao.expr.reading import (
    READ_CACHE_SIZE,
    Interval,
    NoQuantity,
    Quantity,
    Unreadable,
    read_text,
)
from jixiao.expr.schedule import find_schedule
from jixiao.expr.tiers import read_tier, tier_phrase
from jixiao.records.values import ActualValue

NOT_MEASURABLE_MARKS = frozenset(
    {"N/A", "NA", "n/a", "×", "\\", "暂无", "待定", "不适用", "不涉及", "无此项"}
)
"""Placeholder words: nothing measured (yet), or the indicator does not apply (domain-rules §1.2).
Cells of dashes or slashes only (``/``, ``—``, ``———``, ``--``) are placeholders too."""

AMOUNT_WORDS = frozenset({"达", "达到", "达了", "达到了", "达为", "达在"})
"""Words that in an actual say how much was reached (``达到100%`` is 100%, not ≥100%)."""

_DASHES = re.compile(r"[-—–―/]+")
_CHECKED = r"(?:监控|考核|统计|评价|调查|测评)"
_NOT_MEASURABLE = re.compile(
    rf"(?:未|尚未|没|还未|未能)(?:到|达|达到|至)?{_CHECKED}?(?:时间)?(?:节点|时点)"
    rf"|(?:未|尚未|还未)(?:到|至){_CHECKED}(?:时间|期)"
    r"|^暂?无(?:数据|统计数据)$|暂(?:无|未)(?:数据|统计)"
    rf"|(?:待|尚未|暂未|未){_CHECKED}"
    rf"|(?:年(?:底|末|终)|年度(?:结束|终了)后)(?:进行|开展)?(?:满意度)?{_CHECKED}"
    r"|无法(?:统计|计算|测算)"
)

_NOT_MET = re.compile(
    r"未(?:按时|按期|及时|足额|完成|达到|达成|达标|到位|发放|拨付|报送|实现|开展)"
    r"|不(?:符合|足额|及时|到位|合规|达标)|没有(?:按时|完成|达到)|无法|未能|不能"
    r"|滞后|延迟|延期|逾期|超期|拖欠"
)
_NONE_HAPPENED = re.compile(r"^(?:无(?!法)|没有(?!按|完成|达)|未发生|零|未出现|未发现)")
_PARTLY = re.compile(r"基本|部分|大部分|大部|多数|正在|逐步|推进中|进行中")
_MET = re.compile(
    r"按时|按期|及时|准时|如期|足额|按标准|已完成|完成|已(?:发放|拨付|报送|到位|开展|落实|实现)"
    r"|到位|平稳|未发生|未出现|未发现|达到|达成|达标|符合|全覆盖|全部|(?:成效|效果)(?:明显|显著)"
)


def statement_met(text: str) -> bool | None:
    """Whether a worded actual plainly says the target was met.

    ``True`` for done/on time/none happened (按时报送, 足额发放, 未发生, 无, 已完成,
    运行平稳, a deadline such as 每月25日前); ``False`` for 未按时, 未完成, 滞后 …;
    ``None`` when the wording does not tell (充分发挥社会保险的职能作用) or says
    the work is only partly done (基本完成, 正在推进).
    """
    work = normalize(text)
    if _NONE_HAPPENED.match(work):
        return True
    if _NOT_MET.search(work):
        return False
    if _PARTLY.search(work):
        return None
    if find_schedule(text) is not None or _MET.search(work):
        return True
    return None


def is_not_measurable(text: str) -> bool:
    """``/``, ``—``, ``未达监控节点`` and the like: no value yet."""
    work = normalize(text)
    return (
        work in NOT_MEASURABLE_MARKS
        or _DASHES.fullmatch(work) is not None
        or _NOT_MEASURABLE.search(work) is not None
    )


@lru_cache(maxsize=READ_CACHE_SIZE)
def parse_actual(text: str | None) -> ActualValue:
    """What an actual text reports; never raises.

    Memoized on the text: the same (frozen) :class:`ActualValue` is returned to
    every caller that reads the same text.

    >>> parse_actual("38.85万人").unit
    '万人'
    >>> parse_actual("未达监控节点").kind
    'not_measurable'
    >>> parse_actual("部分达成年度指标并具有一定效果").tier
    'partial'
    """
    if text is None or not text.strip():
        return ActualValue(kind="empty", text=text or "")
    if is_not_measurable(text):
        return ActualValue(kind="not_measurable", text=text)
    tier = read_tier(text)
    if tier is not None:
        return ActualValue(kind="tier", text=text, tier=tier)
    if find_schedule(text) is not None:
        return ActualValue(kind="statement", text=text, met=True)
    reading, _ = read_text(text)
    if isinstance(reading, Quantity):
        op = None if reading.sign_word in AMOUNT_WORDS else reading.op
        return ActualValue(kind="number", text=text, value=reading.value, unit=reading.unit, op=op)
    if isinstance(reading, Interval):
        return ActualValue(
            kind="malformed", text=text, reason="完成值写成了区间或条件，应填写实际数值"
        )
    if isinstance(reading, Unreadable):
        return ActualValue(kind="malformed", text=text, reason=reading.reason)
    assert isinstance(reading, NoQuantity)
    return ActualValue(kind="statement", text=text, met=statement_met(text))


def format_actual(value: ActualValue) -> str:
    """The canonical writing of an actual: ``66467人``, ``≥95%``, the tier phrase,
    ``未达监控节点``; statements and malformed texts keep their text.
    """
    if value.kind == "number" and value.value is not None:
        return f"{value.op or ''}{value.value:f}{value.unit or ''}"
    if value.kind == "tier" and value.tier is not None:
        return tier_phrase(value.tier)
    if value.kind == "not_measurable":
        return value.text or "未达监控节点"
    return value.text
