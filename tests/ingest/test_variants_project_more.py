"""More project tables (绩效目标表 / 绩效监控表 / 绩效自评表) from other counties and
extraction tools: ``tests/fixtures/project_variants_more``.

Each document differs from the seeds and the earlier variants in the way real county forms
and tools do: the 2021+ national 自评表 as MinerU HTML with LaTeX, the central 执行监控表
with 原因类型 ticks as docling markdown, a 运行监控表 with 指标性质/计量单位/完成进度 columns
as a marker pipe table, a 监控情况表 as ``pdftotext -layout`` over two pages, a 目标申报表
with 中期/年度 columns and 项目基本情况/立项依据 rows, a 自评表 as docx2txt (one cell per
line), a damaged TSV 自评表 (full-width digits, spaces inside numbers, a shifted row, a
note wrapped over two lines, a page footer), a 目标表 as wired_table_rec HTML split over two
pages, and two 监控表 with 正向/反向 columns in one TSV.

Every expectation is read off the printed document by hand, following record-format.md.
Each test compares a whole record at once so that a failure shows every wrong field.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from test_variants_support import indicators

from jixiao.ingest import parse_text

DOCS = Path(__file__).resolve().parents[1] / "fixtures" / "project_variants_more"
D = Decimal
n = None


def read(name: str) -> list[Any]:
    return parse_text((DOCS / name).read_text(encoding="utf-8"), name)


def amount(
    total: str | None = None,
    fiscal: str | None = None,
    fund_money: str | None = None,
    carryover: str | None = None,
    other: str | None = None,
) -> dict[str, Decimal | None]:
    """One budget amount as record-format.md prints it (absent lines ``None``)."""
    values = {
        "total": total,
        "fiscal": fiscal,
        "fund_money": fund_money,
        "carryover": carryover,
        "other": other,
    }
    return {k: None if v is None else D(v) for k, v in values.items()}


def budget(
    planned: dict[str, Any] | None = None,
    initial: dict[str, Any] | None = None,
    available: dict[str, Any] | None = None,
    executed: dict[str, Any] | None = None,
    rate: str | None = None,
    weight: str | None = None,
    score: str | None = None,
) -> dict[str, Any]:
    return {
        "planned": planned,
        "initial": initial,
        "available": available,
        "executed": executed,
        "execution_rate_pct": None if rate is None else D(rate),
        "weight": None if weight is None else D(weight),
        "score": None if score is None else D(score),
    }


def snapshot(record: Any) -> dict[str, Any]:
    """Every field record-format.md defines for a project table."""
    return {
        "kind": record.kind,
        "title": record.title,
        "region": record.region,
        "year": record.year,
        "fund": None if record.fund is None else record.fund.value,
        "money_unit": record.money_unit,
        "project": record.project,
        "unit": record.unit,
        "reporting_unit": record.reporting_unit,
        "period": record.period,
        "budget": record.budget.model_dump(),
        "goal": record.goal,
        "progress": record.progress,
        "overall_completion_pct": record.overall_completion_pct,
        "deviation": record.deviation,
        "total_weight": record.total_weight,
        "total_score": record.total_score,
        "indicators": indicators(record),
    }


def expected(**fields: Any) -> dict[str, Any]:
    """A snapshot with the fields a table does not print left ``None``."""
    base: dict[str, Any] = {
        "period": None,
        "budget": budget(),
        "goal": None,
        "progress": None,
        "overall_completion_pct": None,
        "deviation": None,
        "total_weight": None,
        "total_score": None,
    }
    base.update(fields)
    if base["overall_completion_pct"] is not None:
        base["overall_completion_pct"] = D(base["overall_completion_pct"])
    for key in ("total_weight", "total_score"):
        if base[key] is not None:
            base[key] = D(base[key])
    base["indicators"] = [
        tuple(D(v) if isinstance(v, int | float) else v for v in row) for row in base["indicators"]
    ]
    return base


def pct(text: str) -> Decimal:
    return D(text)


# ---------------------------------------------------------------------------------------
# 01 MinerU: the national 自评表 (2021+ template) with rowspan/colspan and LaTeX
# ---------------------------------------------------------------------------------------

SHACHE = expected(
    kind="self_evaluation",
    title="项目支出绩效自评表",
    region="莎车县",
    year=2022,
    fund="resident_pension",
    money_unit="万元",
    project="城乡居民基本养老保险基金支出",
    unit="莎车县社会保险中心",
    reporting_unit="莎车县人力资源和社会保障局",
    budget=budget(
        initial=amount("1850.00", fiscal="1850.00"),
        planned=amount("2120.50", fiscal="1950.00", carryover="170.50"),
        executed=amount("2086.30", fiscal="1923.10", carryover="163.20"),
        rate="98.39",
        weight="10",
        score="9.84",
    ),
    goal=(
        "1、按时足额发放城乡居民基础养老金和个人账户养老金；2、落实待遇调整政策，"
        "提高城乡老年居民保障水平；3、做好待遇领取资格认证，防止冒领。"
    ),
    progress=(
        "全年发放养老金2086.30万元，惠及3.18万人；基础养老金月最低标准提高至250元；"
        "完成资格认证，认证率99.4%，追回冒领资金1.2万元。"
    ),
    total_weight="100",
    total_score="99.78",
    indicators=[
        ("产出指标", "数量指标", "城乡居民基本养老保险参保人数", "≥26.5万人", "26.83万人", n,
         10, 10, n),
        ("产出指标", "数量指标", "待遇领取人数", "≥3.2万人", "3.18万人", n, 10, D("9.94"),
         "部分人员未通过资格认证暂停发放，下年度加强认证宣传。"),
        ("产出指标", "质量指标", "养老金发放准确率", "≥98%", "99.6%", n, 10, 10, n),
        ("产出指标", "时效指标", "待遇申领审核时限", "≤5个工作日", "3个工作日", n, 10, 10, n),
        ("产出指标", "成本指标", "基础养老金月最低标准", "≥250元", "250元", n, 10, 10, n),
        ("效益指标", "社会效益指标", "城乡老年居民养老金发放", "按时足额", "按时足额", n, 10, 10,
         n),
        ("效益指标", "社会效益指标", "城乡居民养老保障水平", "较上年有所提升", "有所提升", n, 10,
         10, n),
        ("效益指标", "可持续影响指标", "基金违规支付案件", "0起", "0起", n, 10, 10, n),
        ("满意度指标", "服务对象满意度指标", "参保居民满意度", "≥90分", "92分", n, 10, 10, n),
    ],
)  # fmt: skip


def test_01_national_self_evaluation_mineru_html_with_latex() -> None:
    """``#`` title, 项目资金（万元） over five rows, 年度资金总额/当年财政拨款/上年结转资金/
    其他资金 under 年初预算数｜全年预算数｜全年执行数｜分值｜执行率｜得分, LaTeX in the rate,
    the progress text and the targets (`` $\\leq 5$ 个工作日``), a 总分 row over six columns."""
    records = read("01_shache_selfeval_mineru.md")
    assert [r.kind for r in records] == ["self_evaluation"]
    assert snapshot(records[0]) == SHACHE


# ---------------------------------------------------------------------------------------
# 02 docling: the central 执行监控表 with 原因类型 ticks, merged text repeated over spans
# ---------------------------------------------------------------------------------------

ZEPU = expected(
    kind="monitoring",
    title="项目支出绩效目标执行监控表",
    region="泽普县",
    year=2023,
    fund="unemployment",
    money_unit="万元",
    project="泽普县失业保险基金支出",
    unit="泽普县就业服务中心",
    reporting_unit="泽普县人力资源和社会保障局",
    period="2023-06",
    # 全年预算数 is the budget; 年初预算数 has no monitoring member (record-format.md:
    # ``initial`` is "—" for monitoring); 全年预计执行数 is a forecast (no field)
    budget=budget(
        planned=amount("1050.00", fiscal="80.00", other="970.00"),
        executed=amount("498.75", fiscal="40.00", other="458.75"),
        rate="47.50",
    ),
    goal="按时足额发放失业保险金，落实稳岗返还政策，失业保险基金收支平衡。",
    progress="1-6月发放失业保险金318人次，拨付稳岗返还资金40万元，基金运行平稳。",
    indicators=[
        ("产出指标", "数量指标", "领取失业保险金人数", "≥650人", "318人", n, n, n, n),
        ("产出指标", "数量指标", "稳岗返还惠及企业数", "≥120户", "46户", n, n, n,
         "稳岗返还资金待上级下达，下半年集中拨付。"),
        ("产出指标", "质量指标", "失业保险金发放准确率", "100%", "100%", n, n, n, n),
        ("产出指标", "时效指标", "失业保险金申领办结时限", "15日内", "18日", n, n, n,
         "经办窗口人员不足，已从乡镇抽调2人充实窗口。"),
        ("效益指标", "社会效益指标", "失业人员基本生活保障", "有效保障", "有效保障", n, n, n, n),
        ("效益指标", "可持续影响指标", "失业保险基金可支付月数", "≥24个月", "26个月", n, n, n,
         n),
        ("满意度指标", "服务对象满意度指标", "参保单位和失业人员满意度", "≥90%", "未到监控节点",
         n, n, n, "年底开展满意度调查。"),
    ],
)  # fmt: skip


def test_02_central_monitoring_form_docling_with_reason_ticks() -> None:
    """docling repeats every merged text over its span (项目资金（万元） four times, the
    goal over four columns, 偏差原因分析 over six); 偏差原因分析 has a second heading row
    经费保障｜制度保障｜人员保障｜硬件条件保障｜其他｜原因说明及改进措施 with ``✓`` ticks;
    全年预计完成情况 and 完成目标可能性 are columns of their own."""
    records = read("02_zepu_monitoring_central_docling.md")
    assert [r.kind for r in records] == ["monitoring"]
    assert snapshot(records[0]) == ZEPU


# ---------------------------------------------------------------------------------------
# 03 marker: 运行监控表 with 指标性质｜年度指标值｜计量单位 and 完成进度
# ---------------------------------------------------------------------------------------

YECHENG = expected(
    kind="monitoring",
    title="叶城县2022年度项目支出绩效运行监控表",
    region="叶城县",
    year=2022,
    fund="employee_medical",
    money_unit="万元",
    project="叶城县职工基本医疗保险（含生育保险）基金支出",
    unit="叶城县医疗保险服务中心",
    reporting_unit="叶城县医疗保障局",
    period="2022-09",
    budget=budget(
        planned=amount("6480.00", fund_money="6480.00"),
        executed=amount("4605.20", fund_money="4605.20"),
        rate="71.07",
    ),
    goal=(
        "1、职工医保参保人数稳定在2.35万人以上；2、政策范围内住院费用基金支付比例不低于80%；"
        "3、统筹基金收支平衡。"
    ),
    progress=(
        "截至9月底参保2.41万人，支付医疗待遇4605.20万元，政策范围内住院费用基金支付比例"
        "81.2%，基金运行平稳。"
    ),
    deviation="次均住院费用略高于目标，已约谈3家定点医疗机构。",
    # the printed 年度指标值 is the target text (as in test_variants_target's marker form);
    # 指标性质 and 计量单位 qualify its reading
    indicators=[
        ("产出指标", "数量指标", "参保职工人数", "2.35", "2.41万人", pct("100"), n, n, n),
        ("产出指标", "数量指标", "住院待遇享受人次", "3800", "2912人次", pct("76.63"), n, n, n),
        ("产出指标", "质量指标", "政策范围内住院费用基金支付比例", "80", "81.2%", pct("100"), n,
         n, n),
        ("产出指标", "时效指标", "医疗费用结算时限", "20", "15个工作日", pct("100"), n, n, n),
        ("产出指标", "成本指标", "次均住院费用", "8500", "8,912元", pct("95.38"), n, n,
         "次均费用上涨主要是高值耗材使用增加，第四季度加强监管。"),
        ("效益指标", "社会效益指标", "减轻参保职工医疗负担", "逐步提高", "逐步提高", n, n, n, n),
        ("效益指标", "可持续影响指标", "统筹基金可支付月数", "6", "8.5个月", pct("100"), n, n, n),
        ("满意度指标", "服务对象满意度指标", "参保职工满意度", "90", "未到监控节点", n, n, n,
         "年底开展调查"),
    ],
)  # fmt: skip


def test_03_runtime_monitoring_marker_with_operator_and_unit_columns() -> None:
    """marker: ``##`` title, ``<b>`` labels, ``<br>`` inside a name, the progress and a
    note; 资金情况 with 全年预算数｜1-9月执行数｜执行率｜全年预计执行数 and 其中：医保基金;
    完成进度 as the completion column; a closing row 绩效目标执行偏差及纠偏措施."""
    records = read("03_yecheng_monitoring_marker.md")
    assert [r.kind for r in records] == ["monitoring"]
    assert snapshot(records[0]) == YECHENG


# ---------------------------------------------------------------------------------------
# 04 pdftotext -layout: 监控情况表 over two pages
# ---------------------------------------------------------------------------------------

BACHU = expected(
    kind="monitoring",
    title="巴楚县社保基金支出绩效监控情况表",
    region="巴楚县",
    year=2021,
    fund="work_injury",
    money_unit="万元",
    project="工伤保险基金支出",
    unit="巴楚县社会保险中心",
    reporting_unit="巴楚县社会保险中心",
    period="2021-06",
    budget=budget(
        planned=amount("1236.50", fiscal="0.00", other="1236.50"),
        available=amount("618.00", fiscal="0.00", other="618.00"),
        executed=amount("587.42", fiscal="0.00", other="587.42"),
        rate="47.51",
    ),
    goal="确保工伤职工按规定享受工伤保险待遇，工伤认定和劳动能力鉴定按时办结，基金收支平衡。",
    progress="1-6月按时足额支付工伤保险待遇587.42万元，完成工伤认定46件，未发生基金风险。",
    overall_completion_pct="50.12",
    deviation="上半年享受待遇人数偏少，主要是工伤认定和待遇核定集中在下半年办结。",
    indicators=[
        ("产出指标", "数量指标", "工伤保险参保人数", "≥3.6万人", "3.52万人", pct("97.78"), n,
         n, n),
        ("产出指标", "数量指标", "享受工伤待遇人数", "≥220人", "118人", pct("53.64"), n, n, n),
        ("产出指标", "质量指标", "工伤待遇核定准确率", "100%", "100%", pct("100.00"), n, n, n),
        ("产出指标", "时效指标", "工伤认定办结时限", "≤60日", "平均42日", pct("100.00"), n, n,
         n),
        ("产出指标", "时效指标", "待遇支付时效", "次月15日前", "次月15日前", pct("100.00"), n,
         n, n),
        ("效益指标", "社会效益指标", "工伤职工合法权益得到保障", "有效保障", "有效保障", n, n, n,
         n),
        ("效益指标", "可持续影响指标", "基金可支付月数", "≥12个月", "15个月", pct("100.00"), n,
         n, n),
        ("满意度指标", "服务对象满意度指标", "工伤职工满意度", "≥90%", "未达监控节点", n, n, n,
         n),
    ],
)  # fmt: skip


@pytest.mark.xfail(
    strict=True,
    reason="known gap: pdftotext -layout wrapping (cells continued below at their column "
    "offset) is not rebuilt; a clean -layout table reads right",
)
def test_04_monitoring_pdftotext_layout_over_two_pages() -> None:
    """Columns padded with spaces, section labels wrapped (二、预算执行 / 情况), amounts
    with a space as thousands separator (``1 236.50``), goal and progress wrapped side by
    side over three lines, a name and a 二级 label wrapped under their row, ``第 1 页``
    and a form feed between two indicator rows."""
    records = read("04_bachu_monitoring_pdftotext_layout.txt")
    assert [r.kind for r in records] == ["monitoring"]
    assert snapshot(records[0]) == BACHU


# ---------------------------------------------------------------------------------------
# 05 pdfplumber TSV: 目标申报表 with 中期/年度 columns over two pages
# ---------------------------------------------------------------------------------------

SHUFU = expected(
    kind="target",
    title="项目支出绩效目标申报表",
    region="疏附县",
    year=2024,
    fund="resident_medical",
    money_unit="万元",
    project="疏附县城乡居民基本医疗保险基金支出",
    unit="疏附县医疗保障事业服务中心",
    reporting_unit="[215]疏附县医疗保障局",
    # 年度资金总额 is the planned amount; 中期资金总额 has no field
    budget=budget(
        planned=amount("32850.00", fiscal="20500.00", carryover="0.00", other="12350.00")
    ),
    # the record is the year's: its goal is 年度目标, not 中期目标
    goal=(
        "1、参保率不低于95%；2、政策范围内住院费用基金支付比例稳定在70%左右；"
        "3、基金收支平衡，略有结余。"
    ),
    indicators=[
        ("产出指标", "数量指标", "参保人数", "≥31.5万人", n, n, n, n, n),
        ("产出指标", "数量指标", "门诊慢特病待遇享受人次", "≥3.5万人次", n, n, n, n, n),
        ("产出指标", "质量指标", "政策范围内住院费用基金支付比例", "≥70%", n, n, n, n, n),
        ("产出指标", "时效指标", "医疗费用结算时限", "15日内", n, n, n, n, n),
        ("成本指标", "经济成本指标", "人均财政补助标准", "≥670元", n, n, n, n, n),
        ("成本指标", "社会成本指标", "参保人员个人缴费标准", "≤400元", n, n, n, n, n),
        ("效益指标", "社会效益指标", "减轻参保群众就医负担", "较上年有所减轻", n, n, n, n, n),
        ("效益指标", "可持续影响指标", "基金累计结余可支付月数", "≥6个月", n, n, n, n, n),
        ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", n, n, n, n, n),
    ],
)  # fmt: skip


def test_05_target_with_midterm_columns_and_basis_rows_over_two_pages() -> None:
    """项目属性/项目期, 项目资金 with 中期资金总额｜年度资金总额 columns, 项目基本情况 and
    立项依据 text rows, 总体目标 split into 中期目标｜年度目标, indicators with
    中期指标值｜年度指标值, 成本指标 as a 一级 (经济/社会成本指标), ``第 1 页 共 2 页``
    between two indicator rows (the heading is not repeated)."""
    records = read("05_shufu_target_midterm_pages.tsv.txt")
    assert [r.kind for r in records] == ["target"]
    got = snapshot(records[0])
    # the budget is checked apart below (中期资金总额｜年度资金总额 columns)
    assert {k: v for k, v in got.items() if k != "budget"} == {
        k: v for k, v in SHUFU.items() if k != "budget"
    }


def test_05_target_budget_takes_the_annual_column_not_the_medium_term_one() -> None:
    records = read("05_shufu_target_midterm_pages.tsv.txt")
    assert snapshot(records[0])["budget"] == SHUFU["budget"]


# ---------------------------------------------------------------------------------------
# 06 docx2txt: the national 自评表, one cell per line with blank lines between
# ---------------------------------------------------------------------------------------

YENGISAR = expected(
    kind="self_evaluation",
    title="项目支出绩效自评表",
    region="英吉沙县",
    year=2023,
    fund="public_pension",
    money_unit="万元",
    project="英吉沙县机关事业单位基本养老保险基金支出",
    unit="英吉沙县社会保险中心",
    reporting_unit="英吉沙县人力资源和社会保障局",
    budget=budget(
        initial=amount("15620.00", fiscal="2100.00", carryover="0.00", other="13520.00"),
        planned=amount("16380.00", fiscal="2260.00", carryover="0.00", other="14120.00"),
        executed=amount("16245.80", fiscal="2260.00", carryover="0.00", other="13985.80"),
        rate="99.18",
        weight="10",
        score="9.92",
    ),
    goal="1、确保机关事业单位离退休人员基本养老金按时足额发放；2、按国家统一部署调整基本养老金水平。",
    progress=(
        "全年发放基本养老金16245.80万元，按时足额发放率100%；完成2023年基本养老金调整，"
        "人均月增加115元。"
    ),
    total_weight="100",
    total_score="99.85",
    indicators=[
        ("产出指标", "数量指标", "领取基本养老金人数", "≥2,450人", "2,471人", n, 15, 15, n),
        ("产出指标", "数量指标", "参保缴费人数", "≥6,800人", "6,752人", n, 10, D("9.93"),
         "新招录人员参保登记滞后，已督促单位及时办理。"),
        ("产出指标", "质量指标", "基本养老金发放准确率", "100%", "100%", n, 15, 15, n),
        ("产出指标", "时效指标", "养老金发放时间", "每月10日前", "每月10日前", n, 10, 10, n),
        ("效益指标", "社会效益指标", "离退休人员基本生活保障水平", "逐步提高", "达成年度指标", n,
         15, 15, n),
        ("效益指标", "可持续影响指标", "养老保险制度可持续运行", "长期", "达成年度指标", n, 15, 15,
         n),
        ("满意度指标", "服务对象满意度指标", "离退休人员满意度", "≥95%", "97.3%", n, 10, 10, n),
    ],
)  # fmt: skip


def test_06_national_self_evaluation_docx2txt_one_cell_per_line() -> None:
    """docx2txt: every paragraph on a line of its own with a blank line after it, empty
    cells gone, the goal's two paragraphs on two lines like two cells."""
    records = read("06_yengisar_selfeval_docx2txt.txt")
    assert [r.kind for r in records] == ["self_evaluation"]
    assert snapshot(records[0]) == YENGISAR


# ---------------------------------------------------------------------------------------
# 07 TSV with extraction damage
# ---------------------------------------------------------------------------------------

MAKIT = expected(
    kind="self_evaluation",
    title="麦盖提县2022年度项目支出绩效自评表",
    region="麦盖提县",
    year=2022,
    fund="resident_medical",
    money_unit="万元",
    project="城乡居民基本医疗保险基金支出",
    unit="麦盖提县医疗保险服务中心",
    reporting_unit="麦盖提县医疗保障局",
    budget=budget(
        initial=amount("38650.00", fiscal="12400.00", carryover="0.00", other="26250.00"),
        planned=amount("39120.00", fiscal="12400.00", carryover="0.00", other="26720.00"),
        executed=amount("38702.45", fiscal="12400.00", carryover="0.00", other="26302.45"),
        rate="98.93",
        weight="10",
        score="9.89",
    ),
    goal=(
        "1、城乡居民参保率稳定在95%以上；2、政策范围内住院费用基金支付比例稳定在70%左右；"
        "3、基金收支平衡，略有结余。"
    ),
    progress=(
        "全年参保26.12万人，参保率96.3%；政策范围内住院费用基金支付比例71.3%；"
        "基金当期结余417.55万元。"
    ),
    total_weight="100",
    total_score="99.05",
    indicators=[
        ("产出指标", "数量指标", "参保人数", "≥25.8万人", "26.12万人", n, 10, 10, n),
        ("产出指标", "数量指标", "住院待遇享受人次", "≥3.5万人次", "3.38万人次", n, 10,
         D("9.66"), "受疫情影响住院人次下降，下半年加强分级诊疗宣传。"),
        ("产出指标", "质量指标", "政策范围内住院费用基金支付比例", "≥70%", "71.3%", n, 10, 10, n),
        ("产出指标", "时效指标", "医疗费用结算办结时限", "≤5个工作日", "5个工作日", n, 10, 10, n),
        ("产出指标", "成本指标", "人均财政补助标准", "≥610元", "610元", n, 10, 10, n),
        ("效益指标", "社会效益指标", "减轻参保群众就医负担", "较上年有所提升", "有所提升", n, 15,
         15, n),
        ("效益指标", "社会效益指标", "欺诈骗保案件", "0起", "0起", n, 5, 5, n),
        ("效益指标", "可持续影响指标", "基金累计结余可支付月数", "≥6个月", "7.8个月", n, 10, 10,
         n),
        # full-width ％ is not one of the repairs record-format.md lists: kept as printed
        ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90％", "91.5％", n, 10, D("9.5"),
         "部分群众对异地就医备案流程不满意，将简化流程。"),
    ],
)  # fmt: skip


def test_07_self_evaluation_tsv_with_extraction_damage() -> None:
    """``项目资金(万元)`` and ``其中:`` half-width; 年初预算数 in full-width digits
    (``３８，６５０．００``); amounts with a space as thousands separator (``39 120.00``);
    the 当年财政拨款 row lost its leading empty cell; a note whose second line was written
    as a line of its own; ``第 1 页`` between indicator rows; 分值/得分 in full-width."""
    records = read("07_makit_selfeval_damaged.tsv.txt")
    assert [r.kind for r in records] == ["self_evaluation"]
    assert snapshot(records[0]) == MAKIT


# ---------------------------------------------------------------------------------------
# 08 wired_table_rec HTML: a 目标表 split into two tables by a page break
# ---------------------------------------------------------------------------------------

ATUSHI = expected(
    kind="target",
    title="2023年度社会保险基金预算绩效目标表",
    region="阿图什市",
    year=2023,
    fund="work_injury",
    money_unit="万元",
    project="阿图什市工伤保险基金支出",
    unit="阿图什市社会保险中心",
    reporting_unit="阿图什市人力资源和社会保障局",
    budget=budget(planned=amount("1865.40", fund_money="1865.40", other="0.00")),
    goal="1、工伤职工待遇按时足额支付；2、工伤认定及劳动能力鉴定按时办结；3、基金收支平衡。",
    indicators=[
        ("产出指标", "数量指标", "工伤保险参保人数", "≥3.5万人", n, n, n, n, n),
        ("产出指标", "数量指标", "享受工伤保险待遇人数", "≥260人", n, n, n, n, n),
        ("产出指标", "质量指标", "工伤认定准确率", "≥98%", n, n, n, n, n),
        ("产出指标", "质量指标", "劳动能力鉴定结论准确率", "100%", n, n, n, n, n),
        ("产出指标", "时效指标", "工伤认定办结时限", "受理之日起60日内", n, n, n, n, n),
        # page 2: the merged 一级/二级 cells go on blank, carried down from page 1
        ("产出指标", "时效指标", "工伤保险待遇支付时限", "15日内", n, n, n, n, n),
        ("产出指标", "成本指标", "人均工伤医疗费用", "≤3.2万元", n, n, n, n, n),
        ("效益指标", "社会效益指标", "工伤职工合法权益保障", "有效保障", n, n, n, n, n),
        ("效益指标", "可持续影响指标", "基金累计结余可支付月数", "≥12个月", n, n, n, n, n),
        ("满意度指标", "服务对象满意度指标", "工伤职工满意度", "≥90%", n, n, n, n, n),
    ],
)  # fmt: skip


def test_08_target_wired_html_continued_on_a_second_page_without_heading() -> None:
    """wired_table_rec: unquoted ``rowspan=1 colspan=1`` on every cell, ``<br>`` inside a
    wrapped name and between goal items, the title and ``单位：万元`` as ``<p>`` lines; the
    table goes on after ``第 1 页 共 2 页`` as a second ``<table>`` without heading row,
    whose first row has blank (continued) 一级 and 二级 cells."""
    records = read("08_atushi_target_wired_pages.html")
    assert [r.kind for r in records] == ["target"]
    assert snapshot(records[0]) == ATUSHI


# ---------------------------------------------------------------------------------------
# 09 TSV: two 运行监控表 with 指标性质 (正向/反向/定性) and 计量单位 columns
# ---------------------------------------------------------------------------------------

LOP_TITLE = "洛浦县2024年社会保险基金预算绩效运行监控表（1-6月）"
LOP_COMMON = {
    "kind": "monitoring",
    "title": LOP_TITLE,
    "region": "洛浦县",
    "year": 2024,
    "money_unit": "万元",
    "unit": "洛浦县社会保险中心",
    # record-format.md: reporting_unit is 填报单位 for monitoring (主管部门 is printed too)
    "reporting_unit": "洛浦县社会保险中心",
    "period": "2024-06",
}
LOP_RESIDENT = expected(
    **LOP_COMMON,
    fund="resident_pension",
    project="洛浦县城乡居民基本养老保险基金支出",
    # 执行率, not 预计执行率; 全年预计执行数 is a forecast
    budget=budget(planned=amount("8765.40"), executed=amount("4210.10"), rate="48.03"),
    goal="按时足额发放城乡居民基本养老金，做好待遇资格认证，扩大参保缴费覆盖面。",
    progress="1-6月发放养老金4210.10万元，待遇领取15268人，完成资格认证98.6%。",
    deviation="参保缴费进度偏慢，已组织各乡镇开展集中缴费宣传月活动。",
    indicators=[
        ("产出指标", "数量指标", "待遇领取人数", "≥15200", "15268", pct("100.45"), n, n, n),
        ("产出指标", "数量指标", "参保缴费人数", "≥4.6", "2.85", pct("61.96"), n, n,
         "缴费集中在下半年，加大征缴宣传。"),
        ("产出指标", "质量指标", "养老金发放准确率", "100", "100", pct("100"), n, n, n),
        ("产出指标", "时效指标", "养老金发放时间", "每月10日前", "每月10日前", pct("100"), n, n,
         n),
        ("产出指标", "成本指标", "基础养老金月人均标准", "≥250", "250", pct("100"), n, n, n),
        ("效益指标", "社会效益指标", "重复领取待遇人数", "0", "0", pct("100"), n, n, n),
        ("效益指标", "可持续影响指标", "城乡居民养老保险制度持续运行", "长期稳定", "稳定运行", n,
         n, n, n),
        ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90", "未到监控节点", n, n, n,
         "年底开展调查"),
    ],
)  # fmt: skip
LOP_PUBLIC = expected(
    **LOP_COMMON,
    fund="public_pension",
    project="洛浦县机关事业单位基本养老保险基金支出",
    budget=budget(planned=amount("21340.00"), executed=amount("10512.66"), rate="49.26"),
    goal="确保机关事业单位离退休人员基本养老金按时足额发放。",
    progress="1-6月按时足额发放基本养老金10512.66万元。",
    deviation="无偏差。",
    indicators=[
        ("产出指标", "数量指标", "领取养老金人数", "≥3100", "3126", pct("100.84"), n, n, n),
        ("产出指标", "质量指标", "养老金发放准确率", "100", "100", pct("100"), n, n, n),
        ("产出指标", "时效指标", "养老金发放时间", "每月10日前", "每月10日前", pct("100"), n, n,
         n),
        ("效益指标", "社会效益指标", "养老金违规发放金额", "0", "0", pct("100"), n, n, n),
        ("满意度指标", "服务对象满意度指标", "离退休人员满意度", "≥95", "未到监控节点", n, n, n,
         n),
    ],
)  # fmt: skip


def test_09_two_monitoring_tables_with_direction_and_unit_columns() -> None:
    """Two tables under one ``附件4：`` line, each titled …运行监控表（1-6月）; the budget
    as one unlabelled row under 全年预算数｜1-6月执行数｜执行率｜全年预计执行数｜预计执行率;
    goal columns 年度目标｜1-6月完成情况｜全年预计完成情况; indicator columns 指标性质
    (正向/反向/定性)｜计量单位｜年度指标值｜1-6月完成值｜完成进度｜全年预计完成值｜偏差原因."""
    records = read("09_lop_monitoring_two_records.tsv.txt")
    assert [r.kind for r in records] == ["monitoring", "monitoring"]
    assert snapshot(records[0]) == LOP_RESIDENT
    assert snapshot(records[1]) == LOP_PUBLIC


# ---------------------------------------------------------------------------------------
# 10 MinerU: 监控情况表 with 偏差原因类型 ticks in LaTeX, split over two tables by a page
# ---------------------------------------------------------------------------------------

PAYZAWAT = expected(
    kind="monitoring",
    title="伽师县社保基金支出绩效监控情况表",
    region="伽师县",
    year=2023,
    fund="resident_medical",
    money_unit="万元",
    project="伽师县城乡居民基本医疗保险基金支出",
    unit="伽师县医疗保障局",
    reporting_unit="伽师县医疗保障局",
    period="2023-09",
    budget=budget(
        planned=amount("52860.00", fiscal="35000.00", other="17860.00"),
        available=amount("40120.00", fiscal="27000.00", other="13120.00"),
        executed=amount("38455.60", fiscal="25460.00", other="12995.60"),
        rate="72.75",
    ),
    goal="保障参保群众基本医疗需求，政策范围内住院费用基金支付比例稳定在70%左右，基金运行平稳。",
    progress=(
        "截至9月底参保38.72万人，支付医疗待遇38455.60万元，政策范围内住院费用基金支付比例"
        "71.6%。"
    ),
    overall_completion_pct="74.20",
    deviation="基金可支付月数低于6个月，已向地区医保局申请调剂资金。",
    indicators=[
        ("产出指标", "数量指标", "参保人数", "≥38.5万人", "38.72万人", pct("100.57"), n, n, n),
        ("产出指标", "数量指标", "住院待遇享受人次", "≥4.2万人次", "2.96万人次", pct("70.48"), n,
         n, "住院费用结算集中在第四季度，按序时进度推进。"),
        ("产出指标", "质量指标", "政策范围内住院费用基金支付比例", "≥70%", "71.6%",
         pct("102.29"), n, n, n),
        ("产出指标", "时效指标", "医疗费用结算时限", "≤30日", "25日", pct("100"), n, n, n),
        ("效益指标", "社会效益指标", "大病保险制度覆盖面", "全覆盖", "全覆盖", pct("100"), n, n, n),
        ("效益指标", "可持续影响指标", "基金累计结余可支付月数", "≥6个月且≤9个月", "5.2个月",
         pct("86.67"), n, n, "受门诊统筹待遇提高影响，基金支出增长较快，将加强基金运行分析。"),
        ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "未达监控节点", n, n, n,
         n),
    ],
)  # fmt: skip


def test_10_monitoring_mineru_with_latex_ticks_split_over_two_tables() -> None:
    """MinerU: 监控时点 ``截至2023年9月30日``; 偏差原因类型 over 经费保障…其他 with
    `` $\\surd$ `` ticks and a 偏差原因说明 column; the table goes on in a second
    ``<table>`` after the page break, its section column blank, the 五、 row last."""
    records = read("10_payzawat_monitoring_mineru_ticks.md")
    assert [r.kind for r in records] == ["monitoring"]
    assert snapshot(records[0]) == PAYZAWAT


@pytest.mark.parametrize("name", sorted(p.name for p in DOCS.iterdir() if p.name != "README.md"))
def test_every_document_reads_without_error(name: str) -> None:
    assert read(name)
