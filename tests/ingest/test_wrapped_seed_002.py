"""Seed 002: four 绩效监控表 extracted by pdfminer, rebuilt into rows.

The expected rows are read off the document by hand: every cell as the table
prints it, wrapped fragments joined, in column order (as the non-empty cells of
the same row in a TSV dump). Tables 1 and 3 are checked row by row; table 2's
indicator rows (the most wrapping) and table 4's budget and goal rows too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.ingest.rows import Row
from jixiao.ingest.wrapped import is_wrapped_text, read_wrapped_rows

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "002_5b147586ac002357.txt"

INDICATOR_HEADINGS = ["一级指标", "二级指标", "三级指标", "预期指标值", "指标完成值", "指标完成率"]

# Table 1 (source lines 1–116): 喀什地区本级机关事业单位养老保险（改革）基金支出项目.
TABLE_1 = [
    ["一、基本情况", "部门单位名称", "喀什地区人力资源和社会保障局本级", "项目周期", "2021年"],
    ["项目名称", "喀什地区本级机关事业单位养老保险（改革）基金支出项目", "监控时点", "2021年6月"],
    ["二、预算执行情况", "预算安排情况（调整后）", "资金到位情况", "资金执行情况", "预算执行率"],
    ["预算数：", "325568", "到位数：", "161975", "执行数：", "161975"],
    ["其中：财政资金", "325568", "其中：财政资金", "161975", "其中：财政资金", "161975", "50%"],
    ["其他", "其他", "其他"],
    ["三、目标完成情况", "年度预期目标", "目前完成情况", "总体完成率"],
    [
        "聚焦总目标，确保离退休人员按期足额领取养老金待遇，按期调整待遇，让离退休人员享受"
        "国家发展改革成果，安享晚年，确保社会稳定和长治久安。",
        "1-5月喀什地区社保局严格执行社保基金管理法规政策，保证参保人员权益，按时足额发放"
        "各项社会保险待遇，未发生基金管理运行风险。",
        "51%",
    ],
    ["四、年度绩效指标完成情况", *INDICATOR_HEADINGS],
    ["项目完成", "数量指标", "参保缴费人数", "≥14333人", "14854", "52%"],
    ["保障退休待遇人数", "≥6945人", "6940", "50%"],
    ["基金收入预算执行率", "105%≤≥95%", "58.35%", "58%"],
    ["基金支出预算执行率", "105%≤≥95%", "49.86%", "50%"],
    ["质量指标", "养老保险待遇首次发放成功率", "≥95%", "100.00%", "50%"],
    ["养老金首次转移成功率", "≥95%", "100.00%", "50%"],
    ["养老金发放时效", "每月25日前", "每月25日前", "50%"],
    ["基金使用符合政策规定", "100%", "100%", "50%"],
    [
        "项目效益",
        "社会效益指标",
        "让离退休人员安享晚年",
        "充分发挥社会保险的职能作用",
        "100.00%",
        "50%",
    ],
    [
        "可持续影响指标",
        "离退休人员上访率",
        "上访率控制在0.1%以内，维护社会稳定，长治久安",
        "上访率0，维护社会稳定，长治久安",
        "50%",
    ],
    ["满意度指标", "满意度指标", "离退休人员满意度", "≥95%", "未达监控节点", "/"],
    ["五、绩效目标执行出现的偏差和采取的措施"],
]
TABLE_1_TEXT = [
    (2, "附件1:"),
    (4, "喀什地区社保基金支出绩效监控情况表"),
    (6, "填报单位（公章）：喀什地区社会保险管理局 金额单位：万元"),
    (116, "填报人： 联系电话："),
]

# Table 2 (lines 120–239): 喀什地区本级失业保险基金支出项目, indicator rows.
TABLE_2_INDICATORS = [
    ["产出指标", "数量指标", "参保缴费人数", "25.08万人", "26.48万人", "53%"],
    ["保障享受失业待遇人数", "2578人", "2718人", "53%"],
    ["代缴医疗保险人次数", "24163人次", "15719人次", "65%"],
    ["享受稳定岗位补贴企业参加失业保险人数", "9.33万人", "8.44万人", "45%"],
    ["享受失业补助金人数", "2052人", "3301人", "80%"],
    ["基金收入预算执行率", "105%≤≥95%", "49.49%", "49%"],
    ["基金支出预算执行率", "105%≤≥95%", "53.18%", "53%"],
    ["质量指标", "失业保险待遇首次发放成功率", "≥95%", "≥95%", "50%"],
    ["代缴医疗保险费成功率", "100%", "100%", "50%"],
    ["失业金发放时效", "每月25日前", "按时发放", "50%"],
    ["基金使用符合政策规定", "100%", "100%", "50%"],
    [
        "效益指标",
        "社会效益指标",
        "让失业人员按时足额领取待遇",
        "保障失业人员基本生活",
        "保障失业人员基本生活",
        "50%",
    ],
    [
        "可持续影响指标",
        "提高职工职业技能，减少失业率",
        "充分发挥社会保险的社会保障职能作用",
        "充分发挥社会保险的社会保障职能作用",
        "50%",
    ],
    ["满意度指标", "满意度指标", "失业人员满意度", "≥95%", "≥95%", "未达监控节点"],
]
TABLE_2_GOAL = [
    "聚焦总目标，确保失业人员按政策及时足额领取失业保险各项待遇，减轻家庭负担，维持基本安定"
    "生活，同时采取各项措施提高就业人员职业技能，避免失业。确保社会稳定和长治久安。",
    "1-5月喀什地区社保局严格执行社保基金管理法规政策，保证参保人员权益，按时足额发放各项社会"
    "保险待遇，未发生基金管理运行风险。",
    "54%",
]

# Tables 3 and 4 print the same goal text in both columns.
MEDICAL_GOAL = (
    "以习近平新时代中国特色社会主义思想为指导，聚焦社会稳定和长治久安总目标，贯彻《社会保险法》、"
    "《医疗保障基金使用监督管理条例》，落实国家基本医疗保险待遇，以保障参保人员切身利益为重点，"
    "积极履行服务、管理、监管、着力推动各项医保工作的全面、协调、快速发展，确保基本医疗待遇按时、"
    "足额拨付，使参保人员的获得感、幸福感不断增强，促进实现新疆社会稳定和长治久安总目标。"
)

# Table 3 (lines 243–375): 喀什地区本级城镇职工基本医疗保险基金支出项目.
TABLE_3 = [
    ["一、基本情况", "部门单位名称", "喀什地区医疗保障局本级", "项目周期", "2021年"],
    ["项目名称", "喀什地区本级城镇职工基本医疗保险基金支出项目", "监控时点", "2021年6月"],
    ["二、预算执行情况", "预算安排情况（调整后）", "资金到位情况", "资金执行情况", "预算执行率"],
    ["预算数：", "176526.05", "到位数：", "95588.94", "执行数：", "95588.94", "54.15%"],
    ["其中：财政资金", "176526.05", "其中：财政资金", "95588.94", "其中：财政资金", "95588.94"],
    ["其他", "0", "其他", "0", "其他", "0"],
    ["三、目标完成情况", "年度预期目标", "目前完成情况", "总体完成率"],
    [MEDICAL_GOAL, MEDICAL_GOAL, "52%"],
    [
        "四、年度绩效指标完成情况",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标值（包含数字及文字描述）",
        "预期指标值",
        "指标完成值",
        "指标完成率",
    ],
    ["产出指标", "数量指标", "参保人数", "≥40.31万人", "38.85万人", "48%"],
    ["享受待遇人次", "≥110.83万人次", "60.7万人次", "57%"],
    ["质量指标", "基本医疗保险待遇预算支出金额", "168221.88万元", "93466.16万元", "56%"],
    ["基本医疗保险支出预算执行率", "105%≤≥95%", "54%", "54%"],
    ["参保人政策范围内住院费用报销比例", "≥85%", "85%", "50%"],
    ["时效指标", "及时拨款，保障医疗保险待遇", "每月25日前", "每月25日前", "50%"],
    ["按时报送各项社会保险基金月报、季报、年报数据及分析", "按时报送", "按时报送", "50%"],
    [
        "社会效益指标",
        "基金使用符合政策规定，资金滚存结余在合理范围",
        "基金运行平稳",
        "基金运行平稳",
        "50%",
    ],
    [
        "严格执行各项医疗保险政策，违规使用社会保险基金的情况",
        "充分发挥社会保险的职能作用",
        "充分发挥社会保险的职能作用",
        "50%",
    ],
    ["满意度指标", "满意度指标", "待遇享受人员满意度", "≥90%", "/", "未达监控节点"],
]


@pytest.fixture(scope="module")
def rows() -> list[Row]:
    if not SEED.exists():
        pytest.skip("shared seeds not present")
    return read_wrapped_rows(SEED.read_text(encoding="utf-8"))


def table(rows: list[Row], number: int) -> list[Row]:
    return [r for r in rows if r.style == "wrapped" and r.table == number]


def cells(rows: list[Row]) -> list[list[str]]:
    return [r.cells for r in rows]


def test_recognised_as_wrapped() -> None:
    if not SEED.exists():
        pytest.skip("shared seeds not present")
    assert is_wrapped_text(SEED.read_text(encoding="utf-8"))


def test_four_tables(rows: list[Row]) -> None:
    assert sorted({r.table for r in rows if r.style == "wrapped"}) == [1, 2, 3, 4]


def test_table_1_rows(rows: list[Row]) -> None:
    assert cells(table(rows, 1)) == TABLE_1


def test_table_1_running_text(rows: list[Row]) -> None:
    text = [(r.line, r.cells[0]) for r in rows if r.style == "text" and r.line <= 116]
    assert text == TABLE_1_TEXT


def test_table_1_row_lines(rows: list[Row]) -> None:
    lines = [r.line for r in table(rows, 1)]
    # 一、 基本情况 (8), 项目名称 (16), 二、预算执行情 (22), 预算数 (27), 50%其中 (29),
    # 其他 (34), 三、目标完成情 (36), the goal (42), 四、 年度绩效指 (57), 项目完成 (63).
    assert lines[:10] == [8, 16, 22, 27, 29, 34, 36, 42, 57, 63]
    assert lines[-3:] == [92, 109, 111]


def test_table_2_indicators(rows: list[Row]) -> None:
    found = cells(table(rows, 2))
    start = found.index(["四、年度绩效指标完成情况", *INDICATOR_HEADINGS])
    assert found[start + 1 : start + 1 + len(TABLE_2_INDICATORS)] == TABLE_2_INDICATORS


def test_table_2_goal_split_at_paragraph(rows: list[Row]) -> None:
    assert TABLE_2_GOAL in cells(table(rows, 2))


def test_table_3_rows(rows: list[Row]) -> None:
    assert cells(table(rows, 3)) == TABLE_3


def test_table_3_text_before(rows: list[Row]) -> None:
    text = [(r.line, r.cells[0]) for r in rows if r.style == "text" and 240 <= r.line <= 376]
    assert text == [
        (243, "项目支出绩效监控表"),
        (245, "填报单位（公章）：喀什地区医疗保障局 金额单位：万元"),
    ]


def test_table_4_budget_and_goal(rows: list[Row]) -> None:
    found = cells(table(rows, 4))
    assert [
        "项目名称",
        "喀什地区本级城乡居民基本医疗保险基金支出项目",
        "监控时点",
        "2021年6月",
    ] in found
    assert [
        "预算数：",
        "394016.26",
        "到位数：",
        "193526.64",
        "执行数：",
        "193526.64",
        "49.12%",
    ] in found
    assert [
        "其中：财政资金",
        "394016.26",
        "其中：财政资金",
        "193526.64",
        "其中：财政资金",
        "193526.64",
    ] in found
    assert [MEDICAL_GOAL, MEDICAL_GOAL, "50%"] in found
    assert ["基本医疗保险政策范围内费用报销比例", "82%", "82%", "50%"] in found
    assert found[-1] == [
        "满意度指标",
        "满意度指标",
        "待遇享受人员满意度",
        "≥90%",
        "/",
        "未达监控节点",
    ]
