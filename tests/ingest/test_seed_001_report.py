"""Seed 001 (疏勒县 2020): two 绩效自评表, a 制表人/电话 footer, then a 绩效自评报告
with a cover page in plain text (no markdown). Expectations are read off the document."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.ingest import parse_file
from jixiao.records import ReportRecord

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "001_64cadbb403ecf892.txt"
D = Decimal


@pytest.fixture(scope="module")
def records() -> list:
    return parse_file(SEED)


def test_kinds_in_order(records: list) -> None:
    assert [r.kind for r in records] == ["self_evaluation", "self_evaluation", "report"]


def test_footer_is_kept_as_the_second_tables_footer_only(records: list) -> None:
    # "制表人: 彭革娟" / "电话: 15276113376" end the second table; they stay in its
    # footer (so JX502 can point at the published phone number) and nowhere else.
    assert records[1].footer == "制表人:彭革娟\n电话:15276113376"
    assert records[0].footer is None
    for record in records:
        dumped = record.model_copy(update={"footer": None}).model_dump_json()
        assert "彭革娟" not in dumped
        assert "15276113376" not in dumped


def test_report_title_region_year(records: list) -> None:
    report = records[2]
    assert isinstance(report, ReportRecord)
    # cover "疏勒县基本医疗保险基金整体支出 / 绩效自评报告 / (2020 年度)", then the body title
    assert report.title == "疏勒县医疗保险基金2020年整体支出绩效自评报告"
    assert (report.region, report.year) == ("疏勒县", 2020)
    assert report.fund is None  # 城镇职工 and 城乡居民 医疗 together


def test_report_text(records: list) -> None:
    text = records[2].text
    assert text.startswith("一、绩效监控工作组织实施情况\n\n(一)社会保险基金总体情况\n\n2020年，")
    # "…享受待遇\n\n人数 291572 人次" is one paragraph
    assert "享受待遇人数291572人次" in text
    # "…二是基金\n\n风险防控工作…" likewise
    assert "二是基金风险防控工作持续加强" in text
    assert text.endswith("三是业务经办服务能力还需要进一步提高。")
    assert "赵守康" not in text and "填报时间" not in text


def test_report_facts(records: list) -> None:
    expected = [
        # 截止 12 月底疏勒县城镇职工、城乡居民医疗保险两项社会保险基金总支出 77759.16 万元，
        # 总结余 2230.11 万元。
        ("total", "expenditure", D("77759.16"), "万元"),
        ("total", "balance", D("2230.11"), "万元"),
        # 1、城乡居民医疗保险参保缴费人数 340240 人，享受待遇人数：964924 人次，
        # 总支出 47353.37 万元，其中：…，基金结余：511.24 万元。
        ("resident_medical", "insured", D("340240"), "人"),
        ("resident_medical", "beneficiaries", D("964924"), "人次"),
        ("resident_medical", "expenditure", D("47353.37"), "万元"),
        ("resident_medical", "balance", D("511.24"), "万元"),
        # 2、城镇职工医疗保险参保缴费人数 25161 人，享受待遇人数 291572 人次，
        # 总支出 30405.8 万元，其中：…，基金结余：1718.87 万元。
        ("employee_medical", "insured", D("25161"), "人"),
        ("employee_medical", "beneficiaries", D("291572"), "人次"),
        ("employee_medical", "expenditure", D("30405.8"), "万元"),
        ("employee_medical", "balance", D("1718.87"), "万元"),
        # （一）…城乡居民基本医疗保险基金…: 截止 2020 年 12 月城乡居民基本医疗保险总支出
        # 47353.37 万元，完成预算的 100%。
        ("resident_medical", "executed", D("47353.37"), "万元"),
        ("resident_medical", "execution_rate_pct", D("100"), "%"),
        # （二）城镇职工基本医疗保险基金…: 截止 2020 年 12 月城镇职工、居民医疗保险支出
        # 30405.8 万元，完成预算的 100%；  (two funds named: the section's fund)
        ("employee_medical", "executed", D("30405.8"), "万元"),
        ("employee_medical", "execution_rate_pct", D("100"), "%"),
        # 截至 2020 年 12 月我县两项社会保险基金支出总支出 77759.16 万元，
        # 完成年度支出预算 36016.09 万元的 100%。
        ("total", "executed", D("77759.16"), "万元"),
        ("total", "planned", D("36016.09"), "万元"),
        ("total", "execution_rate_pct", D("100"), "%"),
    ]
    facts = [(f.subject, f.metric, f.value, f.unit) for f in records[2].facts]
    assert facts == expected


def test_sub_items_after_qizhong_are_not_facts(records: list) -> None:
    # 其中：基本医疗保险待遇支出 21793.31 万元，上级上解支出 25560.06 万元
    values = {f.value for f in records[2].facts}
    assert D("21793.31") not in values and D("25560.06") not in values
