"""Telling the kind of a project table, and refusing segments that are not one."""

from __future__ import annotations

import pytest

from jixiao.ingest.errors import IngestError
from jixiao.ingest.grid import read_rows
from jixiao.ingest.project import detect_project_kind, read_project_record
from jixiao.ingest.rows import Row


def tsv(*lines: str) -> list[Row]:
    return read_rows("\n".join(line.replace("→", "\t") for line in lines))


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("岳普湖县社保基金支出绩效监控情况表", "monitoring"),
        ("项目支出绩效监控表", "monitoring"),
        ("疏勒县社会保险支出绩效自评表", "self_evaluation"),
        ("项目支出绩效自评表", "self_evaluation"),
        ("社会保险基金支出绩效目标表", "target"),
        ("项目绩效目标申报表", "target"),
        ("绩效目标执行监控表", "monitoring"),
    ],
)
def test_kind_from_title(title: str, kind: str) -> None:
    assert detect_project_kind([], title) == kind


def test_kind_from_header_labels_when_the_title_says_nothing() -> None:
    monitoring = tsv("项目名称→某项目→监控时点→2021年6月", "一级指标→二级指标→三级指标→预期指标值→指标完成值→指标完成率")
    scored = tsv("一级指标→二级指标→三级指标→年度指标值→实际完成值→分值→得分")
    old = tsv("预算执行情况→预算数:→1→执行数:→1", "一级指标→二级指标→三级指标→预期指标值→指标完成值")
    target = tsv("一级指标→二级指标→三级指标→指标值（包含数字及文字描述）")
    assert detect_project_kind(monitoring, "项目支出绩效表") == "monitoring"
    assert detect_project_kind(scored, None) == "self_evaluation"
    assert detect_project_kind(old, None) == "self_evaluation"
    assert detect_project_kind(target, None) == "target"
    assert detect_project_kind(tsv("说明→这是一段文字"), None) is None


def test_segment_without_a_table_raises_with_its_line() -> None:
    rows = read_rows("\n\n本表为空，详见附件。\n")
    with pytest.raises(IngestError) as caught:
        read_project_record(rows, "monitoring", title="某县绩效监控表")
    assert caught.value.line == 3
    assert "绩效监控表" in caught.value.message
    assert "某县绩效监控表" in caught.value.message


def test_table_cut_after_its_header_keeps_what_was_printed() -> None:
    record = read_project_record(
        tsv("项目名称→城乡居民基本养老保险→→项目周期→2021年度", "一级指标→二级指标→三级指标→指标值"),
        "target",
    )
    assert (record.project, record.year, record.indicators) == ("城乡居民基本养老保险", 2021, [])
