"""The record model: JSON round trips, fund codes, and the committed schema."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from jixiao.cli.schema import schema_text
from jixiao.records import (
    Amount,
    Budget,
    FinalAccountsRecord,
    Fund,
    FundAccounts,
    Indicator,
    MonitoringRecord,
    dumps,
    fund_from_text,
    loads,
    parse_record,
    parse_records,
)
from jixiao.records.funds import funds_in_order, funds_in_text

ROOT = Path(__file__).resolve().parents[1]


def test_committed_schema_is_current() -> None:
    committed = (ROOT / "docs" / "record-schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "docs/record-schema.json is stale: run `jixiao schema`"


def test_json_round_trip_keeps_printed_precision() -> None:
    record = MonitoringRecord(
        project="城乡居民基本养老保险",
        period="2020-06",
        budget=Budget(
            planned=Amount(
                total=Decimal("2889.39"), fiscal=Decimal("2889.39"), other=Decimal("0.00")
            ),
            execution_rate_pct=Decimal("50.01"),
        ),
        indicators=[
            Indicator(level1="项目完成", name="参保缴费人数", completion_pct=Decimal("44.75"))
        ],
    )
    text = dumps([record])
    data = json.loads(text)
    assert data[0]["budget"]["planned"]["other"] == 0
    assert '"other":0.00' in text  # printed as 0.00, not 0.0
    back = parse_records(text)
    assert back == [record]
    assert dumps(back) == text


def test_blank_is_null_not_zero() -> None:
    record = parse_record({"kind": "self_evaluation", "indicators": [{"name": "x"}]})
    data = loads(dumps(record))
    assert data["indicators"][0]["score"] is None
    assert data["total_score"] is None


def test_unknown_field_and_bad_period_are_refused() -> None:
    with pytest.raises(ValidationError):
        parse_record({"kind": "target", "projekt": "x"})
    with pytest.raises(ValidationError):
        parse_record({"kind": "monitoring", "period": "2020年6月"})


def test_final_accounts_keyed_by_fund_code() -> None:
    record = FinalAccountsRecord(
        region="岳普湖县",
        year=2020,
        funds={Fund.public_pension: FundAccounts(income=Decimal("15390.47"))},
    )
    data = loads(dumps(record))
    assert list(data["funds"]) == ["public_pension"]
    assert parse_record(data) == record


@pytest.mark.parametrize(
    ("text", "fund"),
    [
        ("城乡居民基本养老保险", Fund.resident_pension),
        ("城乡居民基本养老保险补助项目", Fund.resident_pension),
        ("机关事业单位养老保险", Fund.public_pension),
        ("喀什地区本级机关事业单位养老保险（改革）基金支出项目", Fund.public_pension),
        ("职工基本医疗保险", Fund.employee_medical),
        ("2020年城镇职工医疗保险基金支出项目", Fund.employee_medical),
        ("城乡居民基本医疗", Fund.resident_medical),
        ("2023年城乡居民基本医疗保险基金支出预算", Fund.resident_medical),
        ("喀什地区本级失业保险基金支出项目", Fund.unemployment),
        ("六、工伤保险基金收入", Fund.work_injury),
        ("八、生育保险基金支出", Fund.maternity),
        ("一、企业职工基本养老保险基金收入", Fund.enterprise_pension),
        # 城镇职工基本养老保险: the older name of 企业职工基本养老保险
        ("（一）城镇职工基本养老保险", Fund.enterprise_pension),
        # 生育 merged into 职工基本医疗保险 (record-format: employee_medical incl. 生育)
        ("职工基本医疗保险基金（含生育保险）", Fund.employee_medical),
        ("职工（含生育）基本医疗保险基金", Fund.employee_medical),
        ("三、城镇职工基本医疗保险基金收入（含生育", Fund.employee_medical),
        ("疏勒县医疗保险基金支出项目", None),
        ("岳普湖县社会保险基金", None),
    ],
)
def test_fund_from_text(text: str, fund: Fund | None) -> None:
    assert fund_from_text(text) == fund


@pytest.mark.parametrize(
    ("text", "funds"),
    [
        (
            "职工基本医疗保险（含生育保险）和城乡居民基本医疗保险",
            ["employee_medical", "resident_medical"],
        ),
        ("职工（含生育）基本医疗保险基金", ["employee_medical"]),
        ("职工基本医疗保险和生育保险", ["employee_medical", "maternity"]),
        ("城镇职工基本养老保险", ["enterprise_pension"]),
    ],
)
def test_a_merged_maternity_qualifier_names_no_fund(text: str, funds: list[str]) -> None:
    assert funds_in_text(text) == funds


def test_funds_in_order_follows_the_text() -> None:
    assert funds_in_order("失业保险基金和工伤保险基金") == [Fund.unemployment, Fund.work_injury]
    assert funds_in_order("职工医保、居民医保（含生育）") == [
        Fund.employee_medical,
        Fund.resident_medical,
    ]


SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_seed_records_survive_json_round_trip(seed: str) -> None:
    from jixiao.ingest import parse_file

    records = parse_file(SEEDS / seed)
    assert records
    text = dumps(records)
    again = parse_records(text)
    assert again == records
    assert dumps(again) == text


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_parse_output_validates_against_committed_schema(seed: str) -> None:
    import jsonschema

    from jixiao.ingest import parse_file

    schema = json.loads((ROOT / "docs" / "record-schema.json").read_text(encoding="utf-8"))
    document = {"source": seed, "records": json.loads(dumps(parse_file(SEEDS / seed)))}
    jsonschema.validate(document, schema)
    broken = {"source": seed, "records": [{**document["records"][0], "kind": "budget"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_report_table_rows_only_for_paragraphs_whose_every_line_has_cells() -> None:
    from jixiao.records.report import table_rows

    assert table_rows("险种\t收入\n失业保险基金\t600") == [
        ["险种", "收入"],
        ["失业保险基金", "600"],
    ]
    assert table_rows("本年收入600万元，\n其中保险费收入500万元。") is None
    assert table_rows("险种\t收入\n合计600万元") is None  # one line without cells: text
