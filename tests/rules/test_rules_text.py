"""JX501–JX502: units and personal data."""

from __future__ import annotations

from rulekit import accounts, fact, fields, final_accounts, ind, monitoring, report, run, run_docs

from jixiao.records import Fund


def test_jx501_doubled_unit_in_report_text() -> None:
    text = "本年收入 9410.12 万元元，其中：基本医疗保险费收入 6649.19 万元。元旦前拨付 3 万元。"
    found = run(report(text=text), code="JX501")
    assert fields(found) == ["text"] and "万元元" in found[0].message


def test_jx501_yuan_figure_that_is_a_wanyuan_figure() -> None:
    accounts_record = final_accounts({}, accounts(closing_balance="23541.75"))
    slip = fact("total", "closing_balance", "23541.75", "元", quote="末滚存结余 23541.75 元")
    found = run_docs(("fa.txt", [accounts_record]), ("r.txt", [report([slip])]), code="JX501")
    assert fields(found) == ["facts[0].unit"] and found[0].severity == "error"
    fee = fact("resident_pension", "planned", "200", "元", quote="个人缴费标准 200 元")
    assert run_docs(("fa.txt", [accounts_record]), ("r.txt", [report([fee])]), code="JX501") == []


def test_jx501_percent_without_percent_sign() -> None:
    rows = [
        ind("准确率", "≥99%", "98", "49.49"),
        ind("上访率", "≤1%", "0", "50.00"),  # zero needs no unit
        ind("参保对象满意度（%）", "≥90", "95%", None),  # the name declares %
    ]
    found = run(monitoring(rows), code="JX501")
    assert fields(found) == ["indicators[0].actual"] and found[0].severity == "warning"


def test_jx502_phone_numbers() -> None:
    text = "项目负责人：赵守康\n制表人: 彭革娟 电话: 15276113376\n联系电话：0998-6512345\n金额 13159.54 万元"
    found = run(report(text=text), code="JX502")
    assert len(found) == 2 and all(f.severity == "info" for f in found)
    assert "152****3376" in found[0].message and "彭革娟" in found[0].message
    assert "15276113376" not in found[0].message
    assert run(report(text="项目负责人：赵守康，参保人数 13269 人"), code="JX502") == []


def test_jx502_looks_at_table_texts() -> None:
    record = monitoring(deviation="填报人：王某 联系电话：13912345678")
    assert fields(run(record, code="JX502")) == ["deviation"]
    assert run(final_accounts({Fund.public_pension: accounts(income="1")}), code="JX502") == []
