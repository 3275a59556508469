"""HTML ``<table>`` → rows: MinerU / PaddleOCR / wired_table_rec output, spans, damage."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.ingest.grid import read_rows
from jixiao.ingest.rows import Row
from jixiao.ingest.styles.html_table import _Parser, _plain_events, _rows, _TableBuilder
from jixiao.ingest.text import clean_cell

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "styles"
S = (1, 1)
C = (0, 0)


def fixture(name: str) -> str:
    return (FIXTURES / name).read_bytes().decode("utf-8")


def table_rows(rows: list[Row]) -> list[Row]:
    return [r for r in rows if r.style == "html"]


def test_mineru_monitoring_table_expands_nested_rowspans() -> None:
    rows = read_rows(fixture("monitoring_mineru.md"))
    assert [(r.line, r.heading, r.cells) for r in rows if r.style == "text"] == [
        (1, 1, ["伽师县社保基金支出绩效监控情况表"]),
        (3, 0, ["填报单位（公章）：伽师县社会保险管理局"]),
        (5, 0, ["金额单位：万元"]),
        (11, 0, ["填报人：艾尔肯 联系电话：0998-1234567"]),
    ]
    table = table_rows(rows)
    assert {r.line for r in table} == {7}
    assert {r.table for r in table} == {1}
    assert [r.cells for r in table] == [
        ["一、基本情况", "部门单位名称", "伽师县社会保险管理局", "", "项目周期", "2021年", ""],
        ["", "项目名称", "城乡居民基本养老保险基金支出项目", "", "监控时点", "2021年6月", ""],
        ["二、预算执行情况", "预算数：", "8,650.20", "执行数：", "4,012.55", "预算执行率", "46.39%"],
        ["", "其中：财政资金", "8,650.20", "其中：财政资金", "4,012.55", "总体完成率", "48%"],
        ["四、年度绩效指标完成情况", "一级指标", "二级指标", "三级指标", "预期指标值",
         "指标完成值", "指标完成率"],
        ["", "产出指标", "数量指标", "参保缴费人数", "$\\geq 14333$ 人", "14854人", "52%"],
        ["", "", "", "基金支出预算执行率", "$\\geq 95\\%$ 或 $\\leq 105\\%$", "49.86%", "50%"],
        ["", "", "质量指标", "养老金首次发放成功率", "$\\geq 95\\%$", "100.00%", "50%"],
        ["", "效益指标", "社会效益指标", "让参保人员\n老有所养", "基金可支付月数 ≥6月&&≤9月",
         "8月", "/"],
        ["", "满意度指标", "满意度指标", "参保人员满意度", "$> 90\\%$", "未达监控节点", "/"],
        ["五、偏差和措施", "无偏差。", "", "", "", "", ""],
    ]  # fmt: skip
    assert [r.spans for r in table] == [
        [(2, 1), S, (1, 2), C, S, (1, 2), C],
        [C, S, (1, 2), C, S, (1, 2), C],
        [(2, 1), S, S, S, S, S, S],
        [C, S, S, S, S, S, S],
        [(6, 1), S, S, S, S, S, S],
        [C, (3, 1), (2, 1), S, S, S, S],
        [C, C, C, S, S, S, S],
        [C, C, S, S, S, S, S],
        [C, S, S, S, S, S, S],
        [C, S, S, S, S, S, S],
        [S, (1, 6), C, C, C, C, C],
    ]
    assert [clean_cell(c) for c in table[6].cells[3:5]] == ["基金支出预算执行率", "≥95%或≤105%"]
    assert clean_cell(table[5].cells[4]) == "≥14333人"
    assert clean_cell(table[8].cells[3]) == "让参保人员老有所养"
    assert clean_cell(table[9].cells[4]) == ">90%"


def test_paddle_and_wired_tables_with_thead_th_caption_and_crlf() -> None:
    text = fixture("selfeval_paddle.html")
    assert "\r\n" in text
    rows = read_rows(text)
    assert [(r.line, r.style, r.table, r.cells) for r in rows] == [
        (1, "text", 0, ["项目支出绩效自评表"]),
        (2, "text", 0, ["(2021年度)"]),
        (5, "html", 1, ["项目名称", "城乡居民基本医疗保险", "", ""]),
        (8, "html", 1, ["项目资金\n(万元)", "", "全年预算数", "全年执行数"]),
        (9, "html", 1, ["", "年度资金总额", "7,828.73", "7,828.73"]),
        (10, "html", 1, ["", "其中：当年财政拨款", "", "—"]),
        (11, "html", 1, ["总分", "99.99", "", ""]),
        (14, "text", 0, ["注：<b>得分</b>保留两位小数。"]),
        (15, "text", 0, ["附表：满意度调查"]),
        (16, "html", 2, ["调查对象", "满意度"]),
        (17, "html", 2, ["参保人员", "≥90%\n实际 95%"]),
    ]
    spans = [r.spans for r in rows if r.style == "html"]
    assert spans[0] == [S, (1, 3), C, C]
    assert spans[1] == [(3, 1), S, S, S]
    assert spans[3] == [C, S, S, S]
    assert spans[4] == [S, (1, 3), C, C]
    assert spans[5:] == [[S, S], [S, S]]


def html_rows(source: str) -> list[list[str]]:
    return [r.cells for r in read_rows(source) if r.style == "html"]


def test_rowspan_stops_at_row_group_and_table_end() -> None:
    source = (
        "<table><thead><tr><td rowspan=3>表头</td><td>a</td></tr></thead>"
        "<tbody><tr><td>b</td><td>c</td></tr><tr><td rowspan=0>d</td><td>e</td></tr>"
        "<tr><td>f</td></tr></tbody></table>"
    )
    rows = [r for r in read_rows(source) if r.style == "html"]
    assert [r.cells for r in rows] == [["表头", "a"], ["b", "c"], ["d", "e"], ["", "f"]]
    assert [r.spans for r in rows] == [[S, S], [S, S], [(2, 1), S], [C, S]]


def test_overlapping_and_oversized_spans_are_clipped() -> None:
    source = (
        "<table><tr><td rowspan=2>A</td><td>B</td><td>C</td></tr>"
        "<tr><td colspan=5>D</td></tr>"
        '<tr><td colspan="99999">E</td></tr></table>'
    )
    rows = [r for r in read_rows(source) if r.style == "html"]
    assert rows[0].cells[:3] == ["A", "B", "C"]
    assert rows[1].cells[:2] == ["", "D"]
    assert rows[1].spans[0] == C
    assert rows[2].cells[0] == "E"
    assert len({len(r.cells) for r in rows}) == 1
    assert len(rows[0].cells) <= 1001


def test_attribute_spellings_tools_write() -> None:
    source = (
        "<table><tr><TD ROWSPAN='2' colspan=\"1\">a</TD><td colspan=2;>b</td></tr>"
        "<tr><td colspan=x>c</td><td>d</td></tr></table>"
    )
    assert html_rows(source) == [["a", "b", ""], ["", "c", "d"]]


def test_unclosed_and_truncated_tables_still_give_rows() -> None:
    assert html_rows("<table><tr><td>项目名称<td>城乡居民<tr><td>监控时点<td>2021年6月") == [
        ["项目名称", "城乡居民"],
        ["监控时点", "2021年6月"],
    ]
    assert html_rows("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td rowsp") == [
        ["a", "b"],
        ["c", ""],
    ]
    assert html_rows("<table><td>无tr</td></table>") == [["无tr"]]


def test_nested_table_becomes_lines_of_the_outer_cell() -> None:
    source = (
        "<table><tr><td>外<table><tr><td>内1</td><td>内2</td></tr><tr><td>内3</td></tr>"
        "</table></td><td>x</td></tr></table>"
    )
    rows = read_rows(source)
    assert [r.cells for r in rows] == [["外\n内1 内2\n内3", "x"]]
    assert rows[0].table == 1


def test_eq_tags_entities_and_markup_inside_cells() -> None:
    source = (
        "<table><tr><td><eq>\\geq 95\\%</eq></td><td>&lt;=0 &amp; &#8805;1</td>"
        "<td><p>第一段</p><p>第二段</p></td><td><b>合</b><span>计</span></td></tr></table>"
    )
    cells = html_rows(source)[0]
    assert cells == ["$\\geq 95\\%$", "<=0 & ≥1", "第一段\n第二段", "合计"]
    assert [clean_cell(c) for c in cells] == ["≥95%", "≤0&≥1", "第一段第二段", "合计"]


def test_text_around_and_between_tables_on_the_same_line() -> None:
    source = "前言<table><tr><td>a</td></tr></table>中间<table><tr><td>b</td></tr></table>后记"
    rows = read_rows(source)
    assert [(r.style, r.table, r.cells) for r in rows] == [
        ("text", 0, ["前言"]),
        ("html", 1, ["a"]),
        ("text", 0, ["中间"]),
        ("html", 2, ["b"]),
        ("text", 0, ["后记"]),
    ]


def test_stray_text_inside_table_is_kept() -> None:
    rows = read_rows("<table>\n表外文字\n<tr><td>a</td></tr></table>")
    assert [(r.line, r.cells) for r in rows] == [(2, ["表外文字"]), (3, ["a"])]


def test_blank_rows_dropped_but_rows_under_a_span_kept() -> None:
    source = (
        "<table><tr><td></td><td>&nbsp;</td></tr><tr><td rowspan=2>a</td><td>b</td></tr>"
        "<tr><td></td></tr></table>"
    )
    rows = [r for r in read_rows(source) if r.style == "html"]
    assert [r.cells for r in rows] == [["a", "b"], ["", ""]]
    assert rows[1].spans == [C, S]


# --- the fast tokenizer gives exactly what html.parser gives -------------------------

_FRAGMENTS = st.sampled_from(
    [
        "<tr>", "</tr>", "<td>", "</td>", "<th>", "</th>", '<td rowspan="2">', "<td colspan=3>",
        "<td rowspan=1 colspan=1>", "<TD COLSPAN='2'>", "<thead>", "</thead>", "<tbody>",
        "</tbody>", "<br>", "<br/>", "<b>", "</b>", "<p>", "</p>", "<eq>", "</eq>", "<caption>",
        "</caption>", "<table>", "</table>", "<span class=x>", "</span>", "项目", "2,889.39",
        "≥95%", "<5%", "a < b", "&amp;", "&nbsp;", "&lt;=", "\n", "  ", "\t", "$\\geq$", "x>y",
        "&", "<", "< td>", "<td/>", "<td >", "</td >", "<a href='x>y'>", "<td colspan==2>",
        "<td\nrowspan=2>", "</tr\n>", "<br />", "&#60;td&#62;", "\r", "<td rowspan>", "<>",
    ]
)  # fmt: skip


def _both_ways(source: str) -> tuple[list[Row], list[Row]] | None:
    fast = _TableBuilder()
    if not _plain_events(fast, source, 1):
        return None
    fast.finish()
    slow = _TableBuilder()
    parser = _Parser(slow, 1)
    parser.feed(source)
    parser.close()
    slow.finish()
    return _rows(fast.events, 1), _rows(slow.events, 1)


@settings(max_examples=300, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=40))
def test_fast_tokenizer_matches_html_parser(fragments: list[str]) -> None:
    source = "<table>" + "".join(fragments) + "</table>"
    both = _both_ways(source)
    if both is not None:
        assert both[0] == both[1]


def test_fast_tokenizer_declines_what_it_cannot_read() -> None:
    for source in ("<table><!-- c --></table>", '<table><td a="<"></table>', "<table><x:y>"):
        assert _both_ways(source) is None
