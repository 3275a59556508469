"""The budget block: label–value pairs, the scored matrix, glued and stray rates."""

from __future__ import annotations

from decimal import Decimal

from jixiao.ingest.grid import read_rows
from jixiao.ingest.project.budget import read_budget
from jixiao.ingest.project.cells import cells_of
from jixiao.records import Amount, Budget

D = Decimal


def budget(*lines: str) -> Budget:
    rows = read_rows("\n".join(line.replace("→", "\t") for line in lines))
    return read_budget([cells_of(row) for row in rows])


def test_monitoring_pairs_give_each_source_line_to_its_amount() -> None:
    result = budget(
        "二、预算执行情况→预算安排情况(调整后)→→资金到位情况→→资金执行情况→→预算执行率",
        "→预算数:→100.00→到位数:→80.00→执行数:→40.00→→",
        "→其中:财政资金→60.00→其中:财政资金→50.00→其中:财政资金→30.00→→40.00%",
        "→其他→40.00→其他→30.00→其他→10.00→→",
    )
    assert result == Budget(
        planned=Amount(total=D("100.00"), fiscal=D("60.00"), other=D("40.00")),
        available=Amount(total=D("80.00"), fiscal=D("50.00"), other=D("30.00")),
        executed=Amount(total=D("40.00"), fiscal=D("30.00"), other=D("10.00")),
        execution_rate_pct=D("40.00"),
    )


def test_target_total_with_fund_and_fiscal_lines() -> None:
    assert budget("项目资金（万元）→年度资金总额：→102142→其中：财政拨款→65697→其他资金→36445") == Budget(
        planned=Amount(total=D("102142"), fiscal=D("65697"), other=D("36445"))
    )
    assert budget("项目资金 (万元)→年度资金总额:→354,657→其中：医保基金→354,657→其他资金→0") == Budget(
        planned=Amount(total=D("354657"), fund_money=D("354657"), other=D("0"))
    )


def test_old_self_evaluation_blank_other_is_null() -> None:
    result = budget(
        "预算执行情况 (万元)→预算数:→11431.62→执行数:→30405.81→",
        "→其中: 社会保险基金→11431.62→其中: 社会保险基金→30405.81→",
        "→其他资金→→其他资金→→",
    )
    assert result.planned == Amount(total=D("11431.62"), fund_money=D("11431.62"))
    assert result.executed == Amount(total=D("30405.81"), fund_money=D("30405.81"))
    assert result.available is None and result.execution_rate_pct is None


def test_scored_matrix_by_column() -> None:
    result = budget(
        "项目资金 (万元)→→年初预算数→全年预算数→全年执行数→分值→执行率→得分",
        "→年度资金总额→3738.20→4003.87→4003.87→10→100.0%→10.00分",
        "→其中：当年财政拨款→3738.20→4003.87→4003.87→—→—→—",
        "→上年结转资金→0.00→0.00→0.00→—→—→—",
        "→其他资金→→→→—→—→—",  # blank amounts stay null
    )
    fiscal = {"fiscal": None, "carryover": D("0.00")}
    assert result.initial == Amount(total=D("3738.20"), **{**fiscal, "fiscal": D("3738.20")})
    assert result.planned == Amount(total=D("4003.87"), **{**fiscal, "fiscal": D("4003.87")})
    assert result.executed == Amount(total=D("4003.87"), **{**fiscal, "fiscal": D("4003.87")})
    assert (result.weight, result.execution_rate_pct, result.score) == (D("10"), D("100.0"), D("10.00"))


def test_scored_matrix_in_order_when_columns_disagree() -> None:
    # values one column left of their headings: placed in order
    result = budget(
        "项目资金→→→年初预算数→全年预算数→全年执行数→分值→执行率→得分",
        "→年度资金总额→100→90→90→10→100%→10",
    )
    assert result.initial == Amount(total=D("100"))
    assert (result.planned, result.executed) == (Amount(total=D("90")), Amount(total=D("90")))
    assert (result.weight, result.execution_rate_pct, result.score) == (D("10"), D("100"), D("10"))


def test_rate_glued_to_a_label() -> None:
    result = budget(
        "预算数：→325568→到位数：→161975→执行数：→161975",
        "50%其中：财政资金→325568→其中：财政资金→161975→其中：财政资金→161975",
    )
    assert result.execution_rate_pct == D("50")
    assert result.planned == Amount(total=D("325568"), fiscal=D("325568"))
    assert result.executed == Amount(total=D("161975"), fiscal=D("161975"))


def test_amounts_with_a_period_in_front() -> None:
    result = budget(
        "项目资金→年初预算数→全年预算数→1-6月执行数→执行率",
        "→年度资金总额→500→600→300→50.00%",
    )
    assert (result.initial, result.planned) == (Amount(total=D("500")), Amount(total=D("600")))
    assert result.executed == Amount(total=D("300"))
    assert result.execution_rate_pct == D("50.00")
