"""The parts of the wrapped-text reader, on small hand-written snippets."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.ingest.wrapped import is_wrapped_text, read_wrapped_rows, shapes
from jixiao.ingest.wrapped.pieces import split_cells

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
HEADINGS = "一级指标 二级指标 三级指标 预期指标值 指标完成值 指标完成率"


def wrapped(text: str) -> list[list[str]]:
    return [r.cells for r in read_wrapped_rows(text) if r.style == "wrapped"]


# -- one line → cells ----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("监控时点   2021 年 6  月", ["监控时点", "2021年6月"]),
        ("参保缴费人数 ≥ 13269 人 13471人 50%", ["参保缴费人数", "≥13269人", "13471人", "50%"]),
        (
            "养老金发放时效 每月 25 日前 每月25日前 50%",
            ["养老金发放时效", "每月25日前", "每月25日前", "50%"],
        ),
        ("一、 基本情况", ["一、基本情况"]),
        ("其中： 财政资金 1445.00", ["其中：财政资金", "1445.00"]),
        ("50%其中：财政资", ["50%", "其中：财政资"]),
        ("预算数：325568 到位数：161975", ["预算数：", "325568", "到位数：", "161975"]),
        ("项 目 2021年决算数", ["项目", "2021年决算数"]),
        ("预算执行情况 (万元) 预算数:", ["预算执行情况(万元)", "预算数:"]),
        ("可支付月数 ≥6 个月或 ≤ 9 个月 9个月", ["可支付月数", "≥6个月或≤9个月", "9个月"]),
        ("及时拨款, 保障医疗保险待遇 按时拨付", ["及时拨款,保障医疗保险待遇", "按时拨付"]),
        ("年度绩效 指标完成 情况 产出指标", ["年度绩效指标完成情况", "产出指标"]),
        ("项目周期 2021年", ["项目周期", "2021年"]),
    ],
)
def test_split_cells(line: str, cells: list[str]) -> None:
    assert split_cells(line) == cells


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("325568", True),
        ("15,390.47", True),
        ("≥14333人", True),
        ("105%≤≥95%", True),
        ("≥95%或≤105%", True),
        ("≥180元/人·月", True),
        ("2021年6月", True),
        ("/", True),
        ("每月25日前", False),
        ("0.1%以内，维护", False),
        ("参保缴费人数", False),
    ],
)
def test_is_value(text: str, value: bool) -> None:
    assert shapes.is_value(text) is value


def test_widths_count_cjk_double() -> None:
    assert shapes.width("社会稳定，长治") == 14
    assert shapes.width("0.1%以内，维护") == 14


# -- telling the style ---------------------------------------------------------


@pytest.mark.parametrize("seed", ["000", "001", "003", "004"])
def test_tsv_and_markdown_seeds_are_not_wrapped(seed: str) -> None:
    paths = sorted(SEEDS.glob(f"{seed}_*.txt"))
    if not paths:
        pytest.skip("shared seeds not present")
    assert not is_wrapped_text(paths[0].read_text(encoding="utf-8"))


def test_narrative_report_is_not_wrapped() -> None:
    report = (
        "疏勒县医疗保险基金 2020 年整体支出 绩效自评报告\n\n"
        "项目名称：疏勒县医疗保险基金支出项目\n实施单位(公章)：疏勒县医疗保障局\n\n"
        "一、基本情况\n\n"
        "2020 年，疏勒县医疗保险工作以抓扩面、促征缴、保发放为重点，预算数 11431.62 万元，\n"
        "执行数 30405.81 万元，预算执行率 266%。其中：财政资金 0 万元。\n"
    )
    assert not is_wrapped_text(report)
    assert all(r.style == "text" for r in read_wrapped_rows(report))


def test_markdown_table_is_not_wrapped() -> None:
    text = "| 一级指标 | 二级指标 |\n|---|---|\n| 产出指标 | 数量指标 |\n预算数： 1 到位数： 1\n"
    assert not is_wrapped_text(text)


def test_spaced_labels_are_wrapped() -> None:
    assert is_wrapped_text("附件1:\n预算数： 325568 到位数： 161975 执行数： 161975\n" + HEADINGS)


# -- labels and rows -----------------------------------------------------------


def test_wrapped_labels_are_rejoined() -> None:
    text = (
        "二、预算执\n\n行情况\n预算安排情况（调整后） 资金到位情况 资金执行情况\n预算执行\n\n率\n"
    )
    assert wrapped(text) == [
        ["二、预算执行情况", "预算安排情况（调整后）", "资金到位情况", "资金执行情况", "预算执行率"]
    ]


def test_right_hand_labels_stay_on_their_row() -> None:
    text = "部门单位名称\n某县社会保险管理\n\n局\n项目周期 2021年\n项目名称 某县失业保险基金支出\n监控时点 2021年6月\n"
    assert wrapped(text) == [
        ["部门单位名称", "某县社会保险管理局", "项目周期", "2021年"],
        ["项目名称", "某县失业保险基金支出", "监控时点", "2021年6月"],
    ]


def test_rate_printed_alone_joins_the_row_above() -> None:
    text = "预算数： 100 到位数： 60 执行数： 50\n\n50%\n其中：财政资\n金\n100 其中：财政资金 60 其中：财政资金 50\n"
    assert wrapped(text) == [
        ["预算数：", "100", "到位数：", "60", "执行数：", "50", "50%"],
        ["其中：财政资金", "100", "其中：财政资金", "60", "其中：财政资金", "50"],
    ]


def test_report_heading_followed_by_prose_stays_text() -> None:
    text = "一、基本情况\n\n2021年，全县社会保险基金运行平稳，收支基本平衡。\n"
    rows = read_wrapped_rows(text)
    assert [r.style for r in rows] == ["text", "text"]


def test_level_labels_lead_the_next_row_or_stand_alone() -> None:
    text = f"{HEADINGS}\n产出指标\n\n数量指标\n\n参保人数 ≥100人 98人 49%\n满意度指标\n五、绩效目标执行出现的偏差和采取的措施\n"
    assert wrapped(text) == [
        HEADINGS.split(),
        ["产出指标", "数量指标", "参保人数", "≥100人", "98人", "49%"],
        ["满意度指标"],
        ["五、绩效目标执行出现的偏差和采取的措施"],
    ]


def test_long_cells_rebuilt_by_width() -> None:
    # Two wrapped cells of equal column width, the second starting after a blank line.
    text = (
        f"{HEADINGS}\n效益指标\n"
        "可持续影响指标 提高职工职业技能，减少失业率\n"
        "充分发挥社会保\n险的社会保障职\n\n能作用\n\n"
        "充分发挥社会\n保险的社会保\n\n障职能作用\n\n50%\n"
    )
    assert wrapped(text)[1] == [
        "效益指标",
        "可持续影响指标",
        "提高职工职业技能，减少失业率",
        "充分发挥社会保险的社会保障职能作用",
        "充分发挥社会保险的社会保障职能作用",
        "50%",
    ]


def test_values_after_a_full_row_do_not_start_a_row() -> None:
    text = f"{HEADINGS}\n产出指标\n基金使用符合政策规定 100% 100%\n50%\n待遇享受人员满意度 ≥90% /\n未达监控\n\n节点\n"
    assert wrapped(text)[1:] == [
        ["产出指标", "基金使用符合政策规定", "100%", "100%", "50%"],
        ["待遇享受人员满意度", "≥90%", "/", "未达监控节点"],
    ]


def test_wrapped_tail_printed_after_the_row_values() -> None:
    text = (
        f"{HEADINGS}\n项目效益\n社会效益指标 让离退休人员安享晚年 充分发挥社会保 100.00% 50%\n"
        "险的职能作用\n可持续影响指标 离退休人员上访率 ≤0.1% 0 50%\n"
    )
    assert wrapped(text)[1:] == [
        [
            "项目效益",
            "社会效益指标",
            "让离退休人员安享晚年",
            "充分发挥社会保险的职能作用",
            "100.00%",
            "50%",
        ],
        ["可持续影响指标", "离退休人员上访率", "≤0.1%", "0", "50%"],
    ]


# -- goal and progress ---------------------------------------------------------

GOAL_HEAD = "年度预期目标 目前完成情况 总体完成率\n"


def test_goal_split_at_indented_paragraph_with_rate_between() -> None:
    text = (
        GOAL_HEAD + "    确保待遇按时足额发放，维护社会\n稳定。\n\n61%\n\n"
        "    上半年按时足额发放各项待遇，\n未发生基金风险。\n四、年度绩效指标完成情况\n"
    )
    assert wrapped(text)[1] == [
        "确保待遇按时足额发放，维护社会稳定。",
        "上半年按时足额发放各项待遇，未发生基金风险。",
        "61%",
    ]


def test_goal_without_any_paragraph_sign_is_one_cell() -> None:
    text = GOAL_HEAD + "确保待遇按时足额发放，维护社会稳\n定，让参保人员满意\n55%\n"
    assert wrapped(text)[1] == ["确保待遇按时足额发放，维护社会稳定，让参保人员满意", "55%"]


def test_goal_and_progress_on_one_line() -> None:
    text = GOAL_HEAD + "确保待遇按时足额发放。 上半年已按时足额发放。 48%\n"
    assert wrapped(text)[1] == ["确保待遇按时足额发放。", "上半年已按时足额发放。", "48%"]


# -- input forms ---------------------------------------------------------------


def test_crlf_form_feed_bom_and_kangxi() -> None:
    text = (
        "\ufeff附件1:\r\n\r\n预算数： 1 到位数： 1 执行数： 1\r\n\f⼀级指标 二级指标 三级指标\r\n"
    )
    rows = read_wrapped_rows(text)
    assert [(r.line, r.style) for r in rows] == [(1, "text"), (3, "wrapped"), (4, "wrapped")]
    assert rows[2].cells == ["一级指标", "二级指标", "三级指标"]
