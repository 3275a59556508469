"""Several tables in one file: ``附件N:`` lines, a table that goes over a page (page
number ``- 3 -``, the heading row printed again at the top of the new page), the
signature lines under it and a second table of the same form. The continuation must
neither start a record nor become an indicator. Expectations are read off the
printed document by hand."""

from __future__ import annotations

import pytest
from test_variants_support import STYLES, D, doc_text, header, indicators, n, read_grid

from jixiao.ingest import parse_text
from jixiao.records import Amount, Budget


def fund_amount(value: str) -> Amount:
    return Amount(total=D(value), fund_money=D(value))


@pytest.mark.parametrize("style", STYLES)
def test_two_self_evaluations_one_over_two_pages(style: str) -> None:
    pension, unemployment = read_grid("selfeval_two_tables_pages", style)
    assert header(pension) == (
        "self_evaluation", "泽普县社会保险基金支出绩效自评表", "泽普县", 2022,
        "enterprise_pension", "元", "泽普县企业职工基本养老保险基金支出", "泽普县社会保险中心",
        "泽普县人力资源和社会保障局",
    )  # fmt: skip
    assert pension.budget == Budget(
        initial=fund_amount("125600000.00"),
        planned=fund_amount("130250000.00"),
        executed=fund_amount("128120000.00"),
        execution_rate_pct=D("98.36"),
        weight=D(10),
        score=D("9.84"),
    )
    assert pension.goal == "确保企业退休人员基本养老金按时足额发放。"
    assert pension.progress == "全年按时足额发放基本养老金，发放率100%。"
    assert (pension.total_weight, pension.total_score) == (D(100), D("99.14"))
    assert indicators(pension) == [
        ("产出指标", "数量指标", "领取养老金人数", "≥8500人", "8623人", n, D(20), D(20), n),
        ("产出指标", "数量指标", "参保缴费人数", "≥21000人", "20580人", n, D(10), D("9.8"), n),
        ("产出指标", "质量指标", "养老金发放准确率", "100%", "100%", n, D(10), D(10), n),
        ("产出指标", "时效指标", "养老金发放时效", "每月10日前", "每月10日前", n, D(10), D(10), n),
        ("效益指标", "社会效益指标", "保障退休人员基本生活", "有效保障", "有效保障", n, D(20), D(20),
         n),
        ("效益指标", "可持续影响指标", "基金可支付月数", "≥6个月", "5.8个月", n, D(10), D("9.5"), n),
        ("满意度指标", "服务对象满意度指标", "退休人员满意度", "≥90%", "95%", n, D(10), D(10), n),
    ]  # fmt: skip

    assert header(unemployment) == (
        "self_evaluation", "泽普县社会保险基金支出绩效自评表", "泽普县", 2022, "unemployment",
        "元", "泽普县失业保险基金支出", "泽普县社会保险中心", "泽普县人力资源和社会保障局",
    )  # fmt: skip
    assert unemployment.budget == Budget(
        initial=fund_amount("3200000.00"),
        planned=fund_amount("3200000.00"),
        executed=fund_amount("2880000.00"),
        execution_rate_pct=D("90.00"),
        weight=D(10),
        score=D("9.00"),
    )
    assert unemployment.goal == "按时足额发放失业保险待遇，稳定就业。"
    assert unemployment.progress == "全年发放失业保险金288万元。"
    assert (unemployment.total_weight, unemployment.total_score) == (D(100), D("97.6"))
    assert indicators(unemployment) == [
        ("产出指标", "数量指标", "失业保险金领取人数", "≥300人", "286人", n, D(30), D("28.6"), n),
        ("效益指标", "社会效益指标", "失业人员基本生活保障", "有效保障", "有效保障", n, D(30),
         D(30), n),
        ("满意度指标", "服务对象满意度指标", "领取人员满意度", "≥90%", "93%", n, D(30), D(30), n),
    ]  # fmt: skip


def test_untitled_tables_one_cell_per_line() -> None:
    text = doc_text("target_untitled_pages.tsv.txt")
    one_per_line = "\n".join(cell for line in text.split("\n") for cell in line.split("\t"))
    records = parse_text(one_per_line, "target_untitled_pages[cell_lines]")
    assert [len(r.indicators) for r in records] == [6, 4]
