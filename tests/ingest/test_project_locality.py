"""Region, year and 监控时点 read from titles, units and project names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.ingest.locality import period_of, places_in, region_of, year_line, year_of


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("岳普湖县社保基金支出绩效监控情况表", ["岳普湖县"]),
        ("喀什地区人力资源和社会保障局本级", ["喀什地区"]),  # 地区, not 喀什地 + 区
        ("疏勒县疏勒县医疗保障局", ["疏勒县", "疏勒县"]),
        ("乌鲁木齐市本级机关事业单位基本养老保险基金支出", ["乌鲁木齐市"]),
        ("新疆维吾尔自治区喀什地区疏勒县医疗保障局", ["新疆维吾尔自治区", "喀什地区", "疏勒县"]),
        ("伊犁哈萨克自治州奎屯市社会保险中心", ["伊犁哈萨克自治州", "奎屯市"]),
        ("2020年岳普湖县社会保险基金决算收入表", ["岳普湖县"]),
        ("关于 2020 年岳普湖县社会保险基金决算的说明", ["岳普湖县"]),
        ("城乡居民基本养老保险", []),
        ("项目支出绩效自评表", []),
        ("全区社会保险基金收入合计", []),
        ("社区卫生服务中心", []),
    ],
)
def test_places(text: str, places: list[str]) -> None:
    assert places_in(text) == places


def test_region_is_the_most_specific_place_of_the_first_text_naming_one() -> None:
    assert region_of(["项目支出绩效自评表", "岳普湖县医疗保障局", "喀什地区本级"]) == "岳普湖县"
    assert region_of(["新疆维吾尔自治区喀什地区疏勒县医疗保障局"]) == "疏勒县"
    assert region_of([None, "", "职工基本医疗保险项目"]) is None


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2020年度", 2020),
        ("(2020年度)", 2020),
        ("2021 年 6  月", 2021),
        ("2023年职工基本医疗保险基金支出预算", 2023),
        ("2020-2022年", 2020),
        ("城乡居民基本医疗", None),
        (None, None),
    ],
)
def test_year_of(text: str | None, year: int | None) -> None:
    assert year_of(text) == year


def test_year_line_holds_only_a_year() -> None:
    assert year_line("( 2020 年度 )") == 2020
    assert year_line("（2021年度）") == 2021
    assert year_line("2020年喀什地区社保局严格执行") is None


@pytest.mark.parametrize(
    ("text", "year", "period"),
    [
        ("2020年6月", None, "2020-06"),
        ("2021 年 6  月", None, "2021-06"),
        ("2020.06", None, "2020-06"),
        ("2020-6-30", None, "2020-06"),
        ("6月30日", 2020, "2020-06"),
        ("6月", None, None),  # no year anywhere: not a period
        ("2021年", None, None),
        ("2020年13月", None, None),
    ],
)
def test_period_of(text: str, year: int | None, period: str | None) -> None:
    assert period_of(text, year) == period


@given(st.integers(1990, 2099), st.integers(1, 12), st.sampled_from(["年{m}月", ".{m}", "-{m:02d}", " 年 {m} 月"]))
def test_period_of_any_printed_form(year: int, month: int, form: str) -> None:
    assert period_of(f"{year}" + form.format(m=month)) == f"{year}-{month:02d}"
