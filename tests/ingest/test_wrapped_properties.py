"""Properties of the wrapped-text reader on arbitrary and damaged input.

Whatever the text, :func:`read_wrapped_rows` returns rows without raising, in
source order, with valid line numbers, and loses or invents no character: the
non-space characters of the rows are those of the input (cells may be reordered
within a row, e.g. a 预算执行率 moved to its row's end, but nothing is dropped).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.ingest.rows import Row
from jixiao.ingest.text import normalize_chars
from jixiao.ingest.wrapped import is_wrapped_text, read_wrapped_rows

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "wrapped"
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
DOCUMENTS = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))] + [
    p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("002_*.txt"))
]
# Characters the forms are made of: labels, values, marks, spaces and line breaks.
ALPHABET = (
    "一二三四五、基本情况预算执行率数到位其中：财政资金他目标完成总体级指标三值"
    "产出数量质效益满意度项名称周期监控时点填报人电话偏差原因分值得分年度决算收入"
    "0123456789.%,，。/≥≤（）() \n\n\t未达节点万人次月日前—-"
)

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _chars(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace())


def check_rows(text: str, rows: list[Row]) -> None:
    lines = text.count("\n") + 1
    previous = 0
    for row in rows:
        assert row.style in ("wrapped", "text")
        assert row.cells and all(cell.strip() for cell in row.cells)
        assert 1 <= row.line <= lines
        assert row.line >= previous
        previous = row.line
        assert (row.table == 0) == (row.style == "text")
    found = Counter[str]()
    for row in rows:
        for cell in row.cells:
            found.update(_chars(cell))
    assert found == _chars(normalize_chars(text.lstrip("\ufeff")))


@SETTINGS
@given(st.text(alphabet=ALPHABET, max_size=600))
def test_arbitrary_text(text: str) -> None:
    is_wrapped_text(text)
    check_rows(text, read_wrapped_rows(text))


@SETTINGS
@given(st.text(max_size=300))
def test_any_unicode(text: str) -> None:
    is_wrapped_text(text)
    rows = read_wrapped_rows(text)
    assert all(row.cells for row in rows)


@SETTINGS
@given(st.sampled_from(DOCUMENTS), st.data())
def test_truncated_documents(document: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(document)))
    end = data.draw(st.integers(start, len(document)))
    text = document[start:end]
    is_wrapped_text(text)
    check_rows(text, read_wrapped_rows(text))


@SETTINGS
@given(st.sampled_from(DOCUMENTS), st.data())
def test_shuffled_and_damaged_lines(document: str, data: st.DataObject) -> None:
    lines = document.split("\n")
    order = data.draw(st.permutations(range(len(lines))))
    keep = data.draw(st.integers(1, len(lines)))
    picked = [lines[i] for i in order[:keep]]
    noise = data.draw(
        st.lists(st.sampled_from(["", " ", "50%", "级", "其中：财政资", "\r"]), max_size=8)
    )
    text = "\n".join(picked + noise)
    check_rows(text.replace("\r", "\n"), read_wrapped_rows(text))
