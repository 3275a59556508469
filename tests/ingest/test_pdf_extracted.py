"""Seeds printed to PDF and read back by real extraction tools: the reading must not change.

``tests/fixtures/pdf_extracted/<seed>_<tool>.txt`` holds what six tools extract from a
PDF of a seed's tables (built by ``make_fixtures.py`` there: each table's grid with its
spans, ruled, A4, long cells wrapped inside their cell). The text a tool gives is a
different text style of the same document, so its correct reading is the seed's own,
whose expectations are written by hand in ``tests/ingest/test_seed_*.py``. Each
(seed, tool) test therefore compares ``parse_text(extracted)`` with ``parse_file(seed)``
record by record: kind, header fields, budget, goal/progress/deviation, every indicator
field, 决算 figures and report facts; texts compared with whitespace removed.

What a tool drops cannot be read and is not expected:

* ``pdfplumber_tables`` keeps only table cells, so reports (running text), titles,
  填报单位 and the lines under a form are not expected, and another header text
  (金额单位 …) only when its text is in the dump;
* pdfplumber drops the text of a few merged 一级/二级指标 cells cut by a page break
  (:data:`LOST_LABELS`, checked to be absent): those fields are not compared;
* pdfminer (text boxes of several rows' cells) and reading-order pdftotext (merged
  cells and value columns printed after the table) lose the row association, so no
  reader could rebuild the rows: those pairs are skipped (:data:`LOST_ROWS`), with lines
  of the text that show it (:data:`EVIDENCE`, checked to be there).

A control test reads the HTML each PDF was rendered from, which must read exactly as
the seed: every other difference comes from the extraction.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from jixiao.ingest import IngestError, parse_file, parse_text
from jixiao.ingest.text import clean_cell
from jixiao.records import FinalAccountsRecord, ReportRecord

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "pdf_extracted"
SEED_STEMS = (
    "000_881bda5ae5dcf777",
    "001_64cadbb403ecf892",
    "002_5b147586ac002357",
    "003_34cb9511c7a24abb",
    "004_6103b84fadb41698",
)
TOOLS = (
    "pdfminer",
    "pdfplumber_text",
    "pdfplumber_tables",
    "pdftotext_raw",
    "pdftotext",
    "pdftotext_layout",
)
TABLES_ONLY = {"pdfplumber_tables"}
# printed above or below a form (a 决算 table's region is in its title, its unit below it)
OUTSIDE_TABLE = ("title", "reporting_unit", "footer")
OUTSIDE_ACCOUNTS_TABLE = (*OUTSIDE_TABLE, "region", "money_unit")

HEADER_TEXT = ("title", "region", "money_unit", "project", "unit", "reporting_unit", "footer")
HEADER_OTHER = ("year", "fund", "period")
NARRATIVE = ("goal", "progress", "deviation")
PROJECT_FIGURES = ("overall_completion_pct", "total_weight", "total_score")
BUDGET_LINES = ("planned", "initial", "available", "executed")
AMOUNT_PARTS = ("total", "fiscal", "fund_money", "carryover", "other")
BUDGET_FIGURES = ("execution_rate_pct", "weight", "score")
INDICATOR_FIELDS = (
    "level1", "level2", "name", "target", "actual", "completion_pct", "weight", "score", "note",
)  # fmt: skip

_WHITESPACE = re.compile(r"\s+")
Value = str | int | tuple[str, ...] | None
Difference = tuple[str, Value, Value]


def squash(text: str) -> str:
    """Text with all whitespace removed (line breaks and spaces are the tools' own)."""
    return _WHITESPACE.sub("", text)


def printed_text(text: str) -> str:
    """An extraction as cell texts are read (``<=`` → ``≤``, LaTeX, Kangxi …), squashed:
    where a field's text is looked for."""
    return squash(clean_cell(text))


def _value(value: object) -> Value:
    if value is None:
        return None
    if isinstance(value, str):
        return squash(value)
    if isinstance(value, Decimal):
        return str(value)  # printed precision is part of the reading
    if isinstance(value, int):
        return value
    return str(getattr(value, "value", value))


@cache
def seed_records(stem: str) -> list:
    return parse_file(SEEDS / f"{stem}.txt")


def extracted(stem: str, tool: str) -> str:
    return (FIXTURES / f"{stem}_{tool}.txt").read_text(encoding="utf-8")


# --- record fields ---------------------------------------------------------------------


def record_fields(record: object, printed: str | None) -> dict[str, Value]:
    """Path → value of every compared field but indicators; with ``printed`` (the squashed
    text of a tables-only dump) the texts printed outside a form and header texts not in
    the dump are left out."""
    out: dict[str, Value] = {"kind": _value(record.kind)}  # type: ignore[attr-defined]
    for name in HEADER_TEXT:
        value = _value(getattr(record, name, None))
        outside = OUTSIDE_ACCOUNTS_TABLE if record.kind == "final_accounts" else OUTSIDE_TABLE  # type: ignore[attr-defined]
        if printed is not None and (
            name in outside or (isinstance(value, str) and value not in printed)
        ):
            continue
        out[name] = value
    for name in HEADER_OTHER:
        out[name] = _value(getattr(record, name, None))
    if isinstance(record, FinalAccountsRecord):
        for fund, accounts in record.funds.items():
            for member, value in accounts.model_dump().items():
                out[f"funds.{fund.value}.{member}"] = _value(value)
        for member, value in record.totals.model_dump().items():
            out[f"totals.{member}"] = _value(value)
        return out
    if isinstance(record, ReportRecord):
        out["text"] = _value(record.text)
        for index, fact in enumerate(record.facts):
            out[f"facts[{index}]"] = (
                fact.subject, fact.metric, str(fact.value), fact.unit, squash(fact.quote),
            )  # fmt: skip
        return out
    budget = record.budget  # type: ignore[attr-defined]
    for line in BUDGET_LINES:
        amount = getattr(budget, line)
        for part in AMOUNT_PARTS:
            out[f"budget.{line}.{part}"] = None if amount is None else _value(getattr(amount, part))
    for name in BUDGET_FIGURES:
        out[f"budget.{name}"] = _value(getattr(budget, name))
    for name in (*NARRATIVE, *PROJECT_FIGURES):
        out[name] = _value(getattr(record, name))
    return out


def indicator_fields(record: object) -> list[dict[str, Value]]:
    return [
        {name: _value(getattr(indicator, name)) for name in INDICATOR_FIELDS}
        for indicator in getattr(record, "indicators", [])
    ]


def _aligned(expected: list[Value], got: list[Value]) -> Iterable[tuple[list[int], list[int]]]:
    """Runs of expected/got positions: equal-length runs pair up one to one."""
    matcher = difflib.SequenceMatcher(a=expected, b=got, autojunk=False)
    for _, i1, i2, j1, j2 in matcher.get_opcodes():
        yield list(range(i1, i2)), list(range(j1, j2))


def _all_fields(prefix: str, record: object, side: str, printed: str | None) -> list[Difference]:
    values = [(f"{prefix}.{k}", v) for k, v in record_fields(record, printed).items()]
    for index, indicator in enumerate(indicator_fields(record)):
        values += [(f"{prefix}.indicators[{index}].{k}", v) for k, v in indicator.items()]
    if side == "expected":
        return [(path, v, "(记录缺失)") for path, v in values if v is not None]
    return [(path, None, v) for path, v in values if v is not None]


def compare_record(
    index: int, expected: object, got: object, printed: str | None
) -> list[Difference]:
    out: list[Difference] = []
    want, have = record_fields(expected, printed), record_fields(got, None)
    for name in want:
        if want[name] != have.get(name):
            out.append((f"[{index}].{name}", want[name], have.get(name)))
    for name in have.keys() - want.keys():
        if name.startswith(("funds.", "facts[")) and have[name] is not None:
            out.append((f"[{index}].{name}", None, have[name]))
    want_rows, have_rows = indicator_fields(expected), indicator_fields(got)
    for a, b in pair_rows(want_rows, have_rows):
        if a is not None and b is not None:
            for name in INDICATOR_FIELDS:
                if want_rows[a][name] != have_rows[b][name]:
                    path = f"[{index}].indicators[{a}].{name}"
                    out.append((path, want_rows[a][name], have_rows[b][name]))
        elif a is not None:
            out += [
                (f"[{index}].indicators[{a}].{name}", value, "(指标行缺失)")
                for name, value in want_rows[a].items()
                if value is not None
            ]
        elif b is not None:
            out += [
                (f"[{index}].+indicators[{b}].{name}", None, value)
                for name, value in have_rows[b].items()
                if value is not None
            ]
    return out


MIN_ROW_LIKENESS = 0.4


def _likeness(want: dict[str, Value], have: dict[str, Value]) -> float:
    """How much a read row looks like an expected one: name similarity plus the share of
    equal values (a row whose name lost a line still pairs with its own row)."""
    name = difflib.SequenceMatcher(a=str(want["name"] or ""), b=str(have["name"] or "")).ratio()
    values = [f for f in INDICATOR_FIELDS if f != "name" and want[f] is not None]
    equal = sum(want[f] == have[f] for f in values) / len(values) if values else 0.0
    return name + 0.5 * equal


def pair_rows(
    want: list[dict[str, Value]], have: list[dict[str, Value]]
) -> list[tuple[int | None, int | None]]:
    """Expected and read indicator rows paired in order, most alike first (an alignment
    maximising the summed likeness); a row left alone pairs with None."""
    n, m = len(want), len(have)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            like = _likeness(want[i], have[j])
            take = best[i + 1][j + 1] + like if like >= MIN_ROW_LIKENESS else -1.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    pairs: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n and j < m:
        like = _likeness(want[i], have[j])
        if like >= MIN_ROW_LIKENESS and best[i][j] == best[i + 1][j + 1] + like:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            pairs.append((i, None))
            i += 1
        else:
            pairs.append((None, j))
            j += 1
    pairs += [(k, None) for k in range(i, n)] + [(None, k) for k in range(j, m)]
    return pairs


def _record_key(record: object) -> Value:
    """Records are aligned by kind and project (a tables-only dump has no titles)."""
    return (record.kind, squash(getattr(record, "project", None) or ""))  # type: ignore[attr-defined]


def compare(expected: list, got: list, printed: str | None) -> list[Difference]:
    """Every field of ``expected`` that ``got`` reads otherwise (records aligned by kind
    and project; an unmatched record counts each of its fields)."""
    out: list[Difference] = []
    keys_a = [_record_key(r) for r in expected]
    keys_b = [_record_key(r) for r in got]
    for run_a, run_b in _aligned(keys_a, keys_b):
        if len(run_a) == len(run_b):
            for a, b in zip(run_a, run_b, strict=True):
                out += compare_record(a, expected[a], got[b], printed)
            continue
        for a in run_a:
            out += _all_fields(f"[{a}]", expected[a], "expected", printed)
        for b in run_b:
            out += _all_fields(f"+[{b}]", got[b], "got", None)
    return out


def expected_for(stem: str, tool: str) -> list:
    records = seed_records(stem)
    if tool in TABLES_ONLY:
        return [r for r in records if not isinstance(r, ReportRecord)]
    return records


# --- what the tools lost -------------------------------------------------------------

LOST_ROWS = {
    "pdfminer": (
        "pdfminer.six 把一列中相邻几行的单元格合成一个文本框逐框输出：几行的三级指标连成一串，"
        "它们的指标值、完成值在后面另成一串（有时行序也颠倒）；哪个值属于哪一行只在页面坐标里，"
        "文字中已没有"
    ),
    "pdftotext": (
        "pdftotext 默认的阅读顺序把跨行的合并单元格（一级/二级指标、栏目名）和部分数值列"
        "成串地放到表格之后或别的行之间；它们覆盖哪些行、属于哪一行，文字中已没有"
    ),
}
"""Tools whose output lost the row association: the pairs are skipped, not failed."""

EVIDENCE: dict[tuple[str, str], tuple[str, ...]] = {
    # 66467人 (参保缴费人数's 完成值) comes after the next row's 三级指标
    ("000_881bda5ae5dcf777", "pdfminer"): (
        "参保缴费人数", "74272人", "保障退休待遇人数", "15424人", "66467人", "14388人",
    ),
    # three rows' 三级指标 one after another; their values come later in a column
    ("001_64cadbb403ecf892", "pdfminer"): (
        "城镇职工基本医疗保险", "基金支出预算完成", "生育保险基金支出预算", "完成",
        "保障城镇职工基本医疗", "待遇享受人数",
    ),
    # 6940 (保障退休待遇人数's 完成值) comes after three more rows
    ("002_5b147586ac002357", "pdfminer"): (
        "保障退休待遇人数", "≥6945人", "基金收入预算执行率", "105%≤≥95%", "基金支出预算执行率",
        "105%≤≥95%", "质量指标", "养老保险待遇首次发", "放成功率", "6940",
    ),
    ("003_34cb9511c7a24abb", "pdfminer"): (
        "参保缴费人数", "74272人", "数量指标", "保障退休待遇人", "数", "基本养老收入预",
        "算执行率", "基本养老支出预", "算执行率",
    ),
    # the rows' names in a block (two of them swapped), their 指标值 in the next block
    ("004_6103b84fadb41698", "pdfminer"): (
        "机关养老保险保险费收缴率", "退休人员待遇核算准确率", "基本养老收入预算执行率",
        "基本养老支出预算执行率",
    ),
    # the merged 一级/二级指标 cells and the 执行数 figure printed after the table
    ("000_881bda5ae5dcf777", "pdftotext"): (
        "四、年度绩效指标", "完成情况", "质量指标", "满意度指", "标", "1445.00", "预期指标值",
        "项目完成", "项目效益",
    ),
    ("001_64cadbb403ecf892", "pdftotext"): (
        "一级指标", "二级指标", "数量指标", "成本指标", "年度绩效指标完成情况", "项目完成指标",
        "时效指标",
    ),
    # the first table's 指标完成率 column printed after the second table's title
    ("002_5b147586ac002357", "pdftotext"): (
        "填报人： 联系电话：", "附件1:", "喀什地区社保基金支出绩效监控情况表",
        "填报单位（公章）：喀什地区社会保险管理局 金额单位：万元", "52%", "50%", "100.00%",
    ),
    ("003_34cb9511c7a24abb", "pdftotext"): (
        "一级指标", "年度绩效 指标", "完成 情况", "二级指", "标", "产出指标", "数量指", "标",
        "时效指", "标", "社会效", "益指标",
    ),
    ("004_6103b84fadb41698", "pdftotext"): (
        "二级指标", "数量指标", "项目完成", "质量指标", "基金使用符合政策规定",
    ),
}  # fmt: skip
"""Consecutive non-blank lines of each skipped pair's text that show the loss."""

LOST_LABELS: dict[tuple[str, str], tuple[tuple[str, str, range, str, str], ...]] = {
    ("001_64cadbb403ecf892", "pdfplumber_tables"): (
        ("2020年城乡居民基本医疗保险支出项目", "level2", range(10, 15), "社会效益指标", "偏差原因"),
    ),
    ("003_34cb9511c7a24abb", "pdfplumber_tables"): (
        ("城乡居民基本医疗项目", "level1", range(13), "产出指标", "总分"),
        ("城乡居民基本医疗项目", "level2", range(5), "数量指标", "总分"),
        ("职工基本医疗保险项目", "level2", range(12, 16), "社会效益指标", "总分"),
    ),
}
"""Merged 一级/二级指标 cells whose text pdfplumber drops (the cell is cut by a page break
and its lower border is not drawn on the first page): (project, field, indicator rows,
label, text after the table). Those fields are not compared; the label must be absent
from the table's text (from its project name to the text after it)."""


def consecutive_lines(text: str, lines: tuple[str, ...]) -> bool:
    """Whether ``lines`` stand one after another among the text's non-blank lines."""
    present = [line.strip() for line in text.splitlines() if line.strip()]
    width = len(lines)
    return any(tuple(present[i : i + width]) == lines for i in range(len(present) - width + 1))


def lost_fields(stem: str, tool: str, text: str, expected: list) -> set[str]:
    """Paths of the fields :data:`LOST_LABELS` leaves out; checks the labels are lost."""
    out: set[str] = set()
    flat = printed_text(text)
    projects = [getattr(r, "project", None) for r in expected]
    for project, field, rows, label, after in LOST_LABELS.get((stem, tool), ()):
        start = flat.find(project)
        end = flat.find(after, start + 1)
        assert start >= 0 and end > start, f"找不到表格「{project}」…「{after}」"
        assert label not in flat[start:end], f"「{label}」仍在表格中，不算丢失"
        record = projects.index(project)
        out |= {f"[{record}].indicators[{row}].{field}" for row in rows}
    return out


# --- tests ---------------------------------------------------------------------------


@pytest.mark.parametrize("stem", SEED_STEMS)
def test_rendered_html_reads_as_the_seed(stem: str) -> None:
    """Control: the HTML the PDF was printed from reads exactly as the seed."""
    page = (FIXTURES / f"{stem}_source.html").read_text(encoding="utf-8")
    body = page.split("<body>", 1)[1]
    differences = compare(seed_records(stem), parse_text(body), None)
    assert not differences, differences[:10]


def test_comparison_sees_a_changed_field() -> None:
    """The comparison itself: a seed against its own reading gives nothing; a changed
    target, a budget figure, a dropped row and a lost record are each reported."""
    records = seed_records("000_881bda5ae5dcf777")
    assert compare(records, records, None) == []
    changed = [r.model_copy(deep=True) for r in records]
    changed[0].indicators[0].target = "74273人"
    changed[0].budget.executed.total = Decimal("1445")  # type: ignore[union-attr]
    del changed[1].indicators[3]
    paths = {path for path, _, _ in compare(records, changed[:3], None)}
    assert {"[0].indicators[0].target", "[0].budget.executed.total"} <= paths
    assert {"[1].indicators[3].name", "[3].kind", "[3].indicators[0].name"} <= paths
    assert not any(path.startswith("[2].") for path in paths)


def _report(differences: list[Difference]) -> str:
    lines = [f"{len(differences)} 个字段与种子的读法不同："]
    for path, want, got in differences[:40]:
        lines.append(f"  {path}: 应为 {want!r}，读成 {got!r}")
    if len(differences) > 40:
        lines.append(f"  …另有 {len(differences) - 40} 个")
    return "\n".join(lines)


# Known gaps (strict: a pair that starts reading right must lose its mark). Measured
# field counts are in docs/cli.md; the causes, most damaging first:
KNOWN_GAPS = {
    "pdfplumber_text": "layout extraction centres a cell vertically: its first lines print "
    "above the row's own line, and the wrapped reader joins a cell's lines downwards only",
    "pdftotext_layout": "as pdfplumber_text (cells centred vertically); the column offsets "
    "-layout keeps are not used to place a cell's lines",
    "pdftotext_raw": "a cell's wrapped lines print one after another and some rows are cut "
    "at the wrong line (a name's second line taken for the target)",
    "pdfplumber_tables": "a merged 一级/二级 label printed on its group's middle line is not "
    "carried up, and some broken rows' pieces do not add up to the table's width",
}


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize("stem", SEED_STEMS)
def test_extracted_text_reads_as_the_seed(
    stem: str, tool: str, request: pytest.FixtureRequest
) -> None:
    if tool in KNOWN_GAPS:
        request.applymarker(pytest.mark.xfail(strict=True, reason=f"known gap: {KNOWN_GAPS[tool]}"))
    text = extracted(stem, tool)
    if tool in LOST_ROWS:
        evidence = EVIDENCE[(stem, tool)]
        assert consecutive_lines(text, evidence), f"{tool} 的输出中找不到所记的证据"
        pytest.skip(f"{LOST_ROWS[tool]}。例：{' / '.join(evidence)}")
    try:
        got = parse_text(text)
    except IngestError as error:
        pytest.fail(f"拒绝读取：{error}")
    expected = expected_for(stem, tool)
    lost = lost_fields(stem, tool, text, expected)
    # a tables-only dump cannot hold the texts printed outside the table
    printed = printed_text(text) if tool in TABLES_ONLY else None
    differences = [d for d in compare(expected, got, printed) if d[0] not in lost]
    assert not differences, _report(differences)
