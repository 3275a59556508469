"""Other forms in the wrapped style: a 绩效自评表 with 分值/得分 (pdfminer, text boxes
separated by blank lines), two 绩效目标表 (``pdftotext -raw``: no blank lines) and a
决算收入表 after a narrative (pdftotext).

The fixtures are hand-made after the TSV seeds' forms, wrapped the way the
extractors wrap: a merged cell's label on its own lines, a cell's further lines
after it, the values of a row's one-line cells after the wrapped cell's last line.
The expected rows are the tables as written into the fixtures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.ingest.rows import Row
from jixiao.ingest.wrapped import is_wrapped_text, read_wrapped_rows

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "wrapped"


def read(name: str) -> list[Row]:
    return read_wrapped_rows((FIXTURES / name).read_text(encoding="utf-8"))


def table_cells(rows: list[Row], number: int) -> list[list[str]]:
    return [r.cells for r in rows if r.style == "wrapped" and r.table == number]


def text_lines(rows: list[Row]) -> list[str]:
    return [r.cells[0] for r in rows if r.style == "text"]


@pytest.mark.parametrize(
    "name",
    [
        "self_evaluation_pdfminer.txt",
        "target_pdftotext_raw.txt",
        "final_accounts_pdftotext.txt",
        "monitoring_pdftotext_raw.txt",
    ],
)
def test_fixtures_recognised(name: str) -> None:
    assert is_wrapped_text((FIXTURES / name).read_text(encoding="utf-8"))


SELF_EVALUATION = [
    ["项目名称", "2021年城乡居民基本养老保险基金支出项目"],
    ["主管部门", "伽师县人力资源和社会保障局", "实施单位", "伽师县社会保险管理中心"],
    ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", "5213.6", "5480.25", "5362.18", "10", "97.85%", "9.79"],
    ["其中：当年财政拨款", "2406.3", "2406.3", "2406.3", "—", "100%", "—"],
    ["上年结转资金", "0", "0", "0", "—", "—", "—"],
    ["其他资金", "2807.3", "3073.95", "2955.88", "—", "96.16%", "—"],
    ["年度总体目标", "预期目标", "实际完成情况"],
    [
        "确保城乡居民养老保险待遇按时足额发放，参保人员应保尽保，按时调整基础养老金标准，"
        "保障城乡老年居民基本生活。",
        "全年按时足额发放城乡居民养老保险待遇，基础养老金按规定调整到位，未发生基金管理风险。",
    ],
    [
        "绩效指标",
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    ],
    ["产出指标", "数量指标", "参保缴费人数", "≥12.5万人", "12.83万人", "10", "10"],
    ["享受待遇人数", "≥2.96万人", "3.02万人", "10", "10"],
    ["重度残疾人代缴保费人数", "≥1200人", "1158人", "5", "4.83", "部分人员已死亡"],
    ["质量指标", "养老金发放准确率", "100%", "100%", "10", "10"],
    ["时效指标", "养老金发放时效", "每月25日前", "每月25日前", "10", "10"],
    ["成本指标", "城乡居民基础养老金最低标准", "≥180元/人·月", "180元/人·月", "5", "5"],
    ["效益指标", "社会效益指标", "保障城乡老年居民基本生活", "有效保障", "有效保障", "15", "15"],
    ["可持续影响指标", "基金累计结余可支付月数", "≥12个月", "15.6个月", "15", "15"],
    ["满意度指标", "服务对象满意度指标", "参保人员满意度", "≥90%", "93.5%", "10", "9.5"],
    ["总分", "100", "98.12"],
]


def test_self_evaluation_rows() -> None:
    rows = read("self_evaluation_pdfminer.txt")
    assert table_cells(rows, 1) == SELF_EVALUATION
    assert text_lines(rows) == ["项目支出绩效自评表", "（2021年度）", "填表人： 联系电话："]


def test_self_evaluation_row_lines() -> None:
    rows = [r for r in read("self_evaluation_pdfminer.txt") if r.style == "wrapped"]
    by_first = {r.cells[0]: r.line for r in rows}
    assert by_first["项目资金（万元）"] == 12  # the section label's first line
    assert by_first["其中：当年财政拨款"] == 19
    assert by_first["重度残疾人代缴保费人数"] == 58
    assert by_first["总分"] == 95


TARGET_1 = [
    ["预算单位", "伽师县社会保险管理中心", "项目名称", "伽师县失业保险基金支出"],
    ["项目资金（万元）", "年度资金总额：", "3,268.4", "其中：社保基金", "3,268.4", "其他资金", "0"],
    [
        "项目总体目标",
        "聚焦总目标，确保失业人员按政策及时足额领取失业保险各项待遇，减轻家庭负担，维持基本生活；"
        "落实稳岗返还政策，稳定就业岗位，确保社会稳定和长治久安。",
    ],
    ["一级指标", "二级指标", "三级指标", "指标值（包含数字及文字描述）"],
    ["产出指标", "数量指标", "参保人数", "≥1.85万人"],
    ["享受失业保险金人数", "≥420人"],
    ["稳岗返还惠及企业职工人数", "≥6000人"],
    ["基金支出预算执行率", "≥95%且≤105%"],
    ["质量指标", "失业保险金发放准确率", "100%"],
    ["时效指标", "失业保险金发放时效", "每月25日前"],
    [
        "效益指标",
        "社会效益指标",
        "保障失业人员基本生活",
        "充分发挥失业保险保生活、防失业、促就业作用",
    ],
    ["可持续影响指标", "失业保险基金可支付月数", "≥12个月"],
    ["满意度指标", "满意度指标", "服务对象满意度", "≥90%"],
]
TARGET_2 = [
    ["预算单位", "伽师县医疗保障局", "项目名称", "2022年伽师县城乡居民基本医疗保险基金支出预算"],
    ["项目资金（万元）", "年度资金总额：", "41,720", "其中：医保基金", "41,720", "其他资金", "0"],
    [
        "项目总体目标",
        "1、积极推进全民参保计划，城乡居民基本医疗保险参保率稳定在95%以上；2、按时足额拨付医疗"
        "保险待遇，减轻参保人员就医负担。",
    ],
    ["一级指标", "二级指标", "三级指标", "指标值（包含数字及文字描述）"],
    ["产出指标", "数量指标", "参保人数（人）", "≥41.2万人"],
    ["住院待遇享受人次", "≥3.5万人次"],
    ["质量指标", "政策范围内住院费用报销比例", "≥70%"],
    ["效益指标", "社会效益指标", "保障参保人员待遇，维护社会稳定", "按标准审核后足额发放"],
    ["满意度指标", "满意度指标", "参保对象满意度（%）", "≥90%"],
]


def test_target_tables() -> None:
    rows = read("target_pdftotext_raw.txt")
    assert table_cells(rows, 1) == TARGET_1
    assert table_cells(rows, 2) == TARGET_2
    assert text_lines(rows) == ["社会保险基金支出绩效目标表", "单位：万元"] * 2


def test_final_accounts_ledger() -> None:
    rows = read("final_accounts_pdftotext.txt")
    assert table_cells(rows, 1) == [
        ["项目", "2021年决算数"],
        ["全县社会保险基金收入合计", "41,302.55"],
        ["其中：保险费收入", "20,118.40"],
        ["利息收入", "301.72"],
        ["财政补贴收入", "19,640.10"],
        ["一、企业职工基本养老保险基金收入"],
        ["二、机关事业单位基本养老保险基金收入", "16,204.30"],
        ["其中：保险费收入", "13,512.08"],
        ["三、城乡居民基本养老保险基金收入", "5,102.66"],
        ["其中：保险费收入", "1,236.40"],
        ["财政补贴收入", "3,751.90"],
        ["四、城镇职工基本医疗保险基金收入（含生育保险）", "10,410.12"],
    ]
    assert text_lines(rows)[:2] == [
        "关于2021年伽师县社会保险基金决算的说明",
        "2021年，伽师县社会保险基金总收入 41,302.55 万元，总支出 38,014.20 万元，本年",
    ]
    assert text_lines(rows)[-2:] == ["2021年伽师县社会保险基金决算收入表", "单位：万元"]


# The non-empty cells of seed 000's first table (TSV, lines 11–31), which the
# pdftotext -raw fixture prints wrapped: the rebuilt rows must be the same.
MONITORING = [
    ["一、基本情况", "部门单位名称", "岳普湖县劳动就业保险管理局", "项目周期", "2020年度"],
    ["项目名称", "城乡居民基本养老保险", "监控时点", "2020年6月"],
    ["二、预算执行情况", "预算安排情况(调整后)", "资金到位情况", "资金执行情况", "预算执行率"],
    ["预算数:", "2889.39", "到位数:", "2889.39", "执行数:", "1445.00"],
    ["其中:财政资金", "2889.39", "其中:财政资金", "2889.39", "其中:财政资金", "1445.00", "50.01%"],
    ["其他", "0.00", "其他", "0.00", "其他", "0.00"],
    ["三、目标完成情况", "年度预期目标", "目前完成情况", "总体完成率"],
    [
        "确保退休人员按期足额领取养老金待遇,按期调整待遇,让退休人员享受国家发展改革成果,"
        "安享晚年,确保社会和谐。",
        "目前已完成1-6月岳普湖县劳动就业保险管理局确保退休人员养老金领取工作,预算执行率50.01%,"
        "按期调整待遇,通过项目的实施让退休人员享受国家发展改革成果,安享晚年,确保社会和谐。"
        "项目的受益人员满意度目前未达监控节点。",
        "59.03%",
    ],
    [
        "四、年度绩效指标完成情况",
        "一级指标",
        "二级指标",
        "三级指标",
        "预期指标值",
        "指标完成值",
        "指标完成率",
    ],
    ["项目完成", "数量指标", "参保缴费人数", "74272人", "66467人", "44.75%"],
    ["保障退休待遇人数", "15424人", "14388人", "46.64%"],
    ["基本养老保险收入预算执行率", "≥95%或≤105%", "95.00%", "24.94%"],
    ["基本养老保险支出预算执行率", "≥95%或≤105%", "95.00%", "24.94%"],
    ["质量指标", "养老保险待遇首次发放成功率", "≥95%", "100%", "95.00%"],
    ["养老金首次转移成功率", "≥95%", "100%", "95.00%"],
    ["养老金发放时效", "每月25日前", "未达成预期指标且效果较差", "100.00%"],
    ["基金使用符合政策规定", "100%", "100%", "95.00%"],
    [
        "项目效益",
        "社会效益指标",
        "让离退休人员安享晚年",
        "充分发挥社会保险的职能作用",
        "未达成预期指标且效果较差",
        "5.00%",
    ],
    ["可持续影响指标", "离退休人员上访率", "上访率控制在0.1%以内", "未达监控节点", "/"],
    ["满意度指标", "满意度指标", "离休退休人员满意度", "≥95%", "未达监控节点", "/"],
    ["五、绩效目标执行出现的偏差和采取的措施", "无偏差。"],
]


def test_monitoring_like_its_tsv_twin() -> None:
    rows = read("monitoring_pdftotext_raw.txt")
    assert table_cells(rows, 1) == MONITORING
    assert text_lines(rows) == [
        "附件1:",
        "岳普湖县社保基金支出绩效监控情况表",
        "填报单位(公章):岳普湖县劳动就业保险管理局",
        "金额单位:万元",
    ]
