"""Cell-text cleaning (record-format.md, Conventions): expectations from the spec and forms."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import jixiao.ingest.styles.latex
import jixiao.ingest.styles.markdown
import jixiao.ingest.text
from jixiao.ingest.text import (
    clean_cell,
    clean_paragraph,
    is_blank,
    join_spaces,
    label_key,
    normalize_chars,
    strip_markup,
)


@pytest.mark.parametrize(
    "module", [jixiao.ingest.text, jixiao.ingest.styles.latex, jixiao.ingest.styles.markdown]
)
def test_doctests(module: object) -> None:
    result = doctest.testmod(module, raise_on_error=False)  # type: ignore[arg-type]
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        # record-format.md examples
        ("$\\geq -10\\%$ 或 $\\leq 10\\%$", "≥-10%或≤10%"),
        ("$105\\% \\leq 95\\%$", "105%≤95%"),
        ("<b>-10,670.54</b>", "-10,670.54"),
        ("105%≤≥95%", "105%≤≥95%"),
        (">=99%", "≥99%"),
        ("<=0", "≤0"),
        ("354,657", "354,657"),
        # extraction damage seen in the forms
        ("≥ 13269 人", "≥13269人"),
        ("每月 25 日前", "每月25日前"),
        ("(2020 年度)", "(2020年度)"),
        (
            "喀什地区本级机关事业单位养老保\n\n险（改革）基金支出项目",
            "喀什地区本级机关事业单位养老保险（改革）基金支出项目",
        ),
        (">=6 月&&<=9 月", "≥6月&&≤9月"),
        ("<p>确保退休人员按期足额领取养老金待遇。</p>", "确保退休人员按期足额领取养老金待遇。"),
        ("项目资金<br>(万元)", "项目资金(万元)"),
        ("\ufeff项目\u3000名称\xa0", "项目名称"),
        ("\u2f00级指标", "一级指标"),
        ("\u2ed4诊待遇", "门诊待遇"),
        ("\uf9b5例", "例例"),
        ("Excel  2010\n版本 v2", "Excel 2010版本v2"),
        ("每季度结束后的, 15日内", "每季度结束后的,15日内"),
        ("（１００％）：", "（１００％）："),
        ("&lt;0.1% &amp; &gt;=1", "<0.1%&≥1"),
        ("<0.1%", "<0.1%"),
        ("**合计**", "合计"),
        ("<!-- formula-not-decoded -->≥95%", "≥95%"),
        ("<eq>\\geq 95\\%</eq>", "≥95%"),
        # LaTeX as MinerU / PaddleOCR write it
        (" $\\geq 99\\%$ ", "≥99%"),
        ("$\\geq 158269$ 人", "≥158269人"),
        ("$< 0.1\\%$", "<0.1%"),
        ("$> 90\\%$", ">90%"),
        ("$\\leq 0$", "≤0"),
        ("$1 0 0 \\%$", "100%"),
        ("$\\geq 6$ 个月或 $\\leq 9$ 个月", "≥6个月或≤9个月"),
        ("$\\text{万人次}$", "万人次"),
        ("$\\mathrm{\\geq}\\ 95 \\%$", "≥95%"),
        ("$\\left( 1 \\right)$", "(1)"),
        ("$3 \\times 10^{4}$ 人", "3×10⁴人"),
        ("$\\mathrm{m}^{2}$", "m²"),
        ("$\\mathrm{CO}_{2}$", "CO₂"),
        ("$\\frac{1}{2}$", "1/2"),
        ("$$\\geq 95 \\%$$", "≥95%"),
        ("$\\geq$95%", "≥95%"),
        ("\\geq 95\\% 以上", "≥95%以上"),
        ("$\\sim$ 6 个月", "~6个月"),
        ("$\\mathrm{\\sim}$", "~"),
        ("$\\alpha$", "α"),
        ("$\\unknowncmd{x}$", "unknowncmdx"),
        # left alone
        ("$5 和 $6", "$5和$6"),
        ("C:\\path\\file", "C:\\path\\file"),
        ("a<b>", "a"),
        ("", ""),
    ],
)
def test_clean_cell(raw: str, clean: str) -> None:
    assert clean_cell(raw) == clean


def test_clean_cell_none_and_blank() -> None:
    assert clean_cell(None) == ""
    assert clean_cell("  \n ") == ""
    assert is_blank("<b></b>") and is_blank("&nbsp;") and is_blank("![](images/a.jpg)")
    assert not is_blank("/") and not is_blank("—") and not is_blank("$")


def test_full_width_punctuation_is_not_normalized() -> None:
    assert normalize_chars("其中：财政资金（万元）") == "其中：财政资金（万元）"
    assert normalize_chars("㎡㈠") == "㎡㈠"
    assert normalize_chars("\u2f00\u2f06\u2f08") == "一二人"


def test_strip_markup_keeps_line_breaks_for_the_caller() -> None:
    assert strip_markup("第一行<br/>第二行</p><p>第三行") == "第一行\n第二行\n\n第三行"


def test_join_spaces() -> None:
    assert join_spaces("a b") == "a b"
    assert join_spaces("中 文") == "中文"
    assert join_spaces("5 %") == "5%"
    assert join_spaces("% 5") == "%5"
    assert join_spaces("\t") == ""


def test_clean_paragraph() -> None:
    text = (
        "2020 年，岳普湖县社会保险基金总收入 43436.13 万元，  \n"
        "总支出 54106.67 万元。\n\n<p>第二段</p><p>第三段</p>\n\n\n"
    )
    assert clean_paragraph(text) == (
        "2020年，岳普湖县社会保险基金总收入43436.13万元，总支出54106.67万元。\n\n第二段\n\n第三段"
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("其中: 财政资金", "其中：财政资金"),
        ("项目资金 (万元)", "项目资金（万元）"),
        ("<b>项 目</b>", "项目"),
        ("**一级指标**", "\u2f00级指标"),
        ("指标值(包含数字及文字描述)", "指标值（包含数字及文字描述）"),
        ("一、基本情况", "一 基本情况"),
        ("预算数:", "预算数："),
        ("年度总体\n目标", "年度总体目标"),
    ],
)
def test_label_key_matches_spellings(a: str, b: str) -> None:
    assert label_key(a) == label_key(b)


def test_label_key_keeps_words() -> None:
    assert label_key("其中：财政资金") == "其中财政资金"
    assert label_key("满意度(%)") == "满意度%"
    assert label_key("一级指标") != label_key("二级指标")


ASCII_ALNUM = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_only_spaces_between_ascii_alphanumerics_survive(text: str) -> None:
    clean = clean_cell(text)
    for i, ch in enumerate(clean):
        if ch.isspace():
            assert ch == " " and 0 < i < len(clean) - 1
            assert clean[i - 1] in ASCII_ALNUM and clean[i + 1] in ASCII_ALNUM
