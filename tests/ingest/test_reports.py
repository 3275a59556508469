"""Reports: paragraphs (wraps joined, headings kept), facts from standard sentences only.

Expectations come from the hand-made fixtures in tests/fixtures/reports/ and from
the sentences written in the tests.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.ingest import parse_file, parse_text, read_rows
from jixiao.ingest.reports import paragraphs
from jixiao.records import ReportRecord

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reports"
D = Decimal


def _report(text: str) -> ReportRecord:
    records = parse_text("# 某某县社会保险基金2021年绩效自评报告\n\n" + text)
    assert len(records) == 1 and isinstance(records[0], ReportRecord)
    return records[0]


def _facts(report: ReportRecord) -> list[tuple[str, str, Decimal, str]]:
    return [(f.subject, f.metric, f.value, f.unit) for f in report.facts]


def test_accounts_note_in_markdown() -> None:
    records = parse_file(FIXTURES / "accounts_note.md")
    # the pipe table at the end is no form (alone it is no 决算 table): it stays in the report
    assert [r.kind for r in records] == ["report"]
    report = records[0]
    assert isinstance(report, ReportRecord)
    assert report.title == "关于2022年莎车县社会保险基金决算的说明"
    assert (report.region, report.year, report.fund) == ("莎车县", 2022, None)
    assert _facts(report) == [
        ("total", "income", D("5.6"), "亿元"),
        ("total", "expenditure", D("4.9"), "亿元"),
        ("total", "balance", D("0.7"), "亿元"),
        ("total", "closing_balance", D("12.7"), "亿元"),
        ("unemployment", "income", D("1500.3"), "万元"),
        ("unemployment", "expenditure", D("1200"), "万元"),
        ("unemployment", "balance", D("300.3"), "万元"),
        ("unemployment", "closing_balance", D("3300.3"), "万元"),
    ]
    # "现将有关情况说明如\n下：" joined; the bold heading kept as a paragraph without **
    assert "现将有关情况说明如下：" in report.text
    assert "\n\n三、下一步工作\n\n继续做好基金征缴工作" in report.text
    # kept as the last paragraph, a line per row and a tab between cells; no fact read from it
    assert report.text.endswith(
        "继续做好基金征缴工作，确保基金安全。\n\n项目\t决算数\n全县社会保险基金收入合计\t56,000.00"
    )


def test_plain_text_report_with_cover_and_wraps() -> None:
    records = parse_file(FIXTURES / "wrapped_self_report.txt")
    assert [r.kind for r in records] == ["report"]
    report = records[0]
    assert isinstance(report, ReportRecord)
    assert report.title == "伽师县城乡居民基本养老保险基金2021年度绩效自评报告"
    assert (report.region, report.year, report.fund) == ("伽师县", 2021, "resident_pension")
    assert report.text.startswith("一、基本情况\n\n2021年，我县城乡居民养老保险参保缴费人数")
    assert "享受待遇人数30210人" in report.text  # "享受待遇人\n数" joined
    assert "年末累计结余15000万元。" in report.text  # joined across a blank line
    assert _facts(report) == [
        ("resident_pension", "insured", D("120345"), "人"),
        ("resident_pension", "beneficiaries", D("30210"), "人"),
        ("resident_pension", "income", D("9800.5"), "万元"),
        ("resident_pension", "expenditure", D("8700.25"), "万元"),
        ("resident_pension", "closing_balance", D("15000"), "万元"),
        ("resident_pension", "executed", D("8700.25"), "万元"),
        ("resident_pension", "planned", D("9000"), "万元"),
        ("resident_pension", "execution_rate_pct", D("96.67"), "%"),
    ]


def test_sentences_that_are_not_standard_statements_give_no_facts() -> None:
    report = _report(
        "全年共发放失业保险金 850 万元，惠及 1200 余人，平均每人每月 1500 元。\n\n"
        "个别乡镇参保率低于 90%，代缴人数 3000 人，个人缴费标准 200 元。\n\n"
        "其中：基本养老保险费收入 1191.07 万元，财政补贴收入 2698.6 万元。\n\n"
        "上年结余 500 万元，基础养老金支出 2492.02 万元。\n"
    )
    assert report.facts == []


def test_units_are_kept_as_printed() -> None:
    report = _report(
        "本年收入 9410.12 万元元，年末滚存结余 23541.75 元，享受待遇人数 964924 人次。\n"
    )
    assert _facts(report) == [
        ("total", "income", D("9410.12"), "万元"),
        ("total", "closing_balance", D("23541.75"), "元"),
        ("total", "beneficiaries", D("964924"), "人次"),
    ]


def test_subject_from_clause_sentence_paragraph_and_heading() -> None:
    report = _report(
        "## 一、工伤保险基金\n\n"
        "本年收入 100 万元。\n\n"  # heading
        "失业保险基金本年收入 200 万元，本年支出 150 万元。享受待遇人数 30 人。\n\n"  # sentence, paragraph
        "全县两项社会保险基金总支出 900 万元。\n\n"  # several funds: total
        "### (一) 预算执行\n\n"  # a lower heading keeps the fund
        "截止12月支出 80 万元，预算数 100 万元，完成预算的 80%。\n\n"
        "## 二、总体情况\n\n"  # a heading of the same rank without a fund clears it
        "本年收支结余 50 万元。\n"
    )
    assert [(f.subject, f.metric) for f in report.facts] == [
        ("work_injury", "income"),
        ("unemployment", "income"),
        ("unemployment", "expenditure"),
        ("unemployment", "beneficiaries"),
        ("total", "expenditure"),
        ("work_injury", "executed"),
        ("work_injury", "planned"),
        ("work_injury", "execution_rate_pct"),
        ("total", "balance"),
    ]


def test_two_funds_in_one_clause_take_the_section_fund() -> None:
    report = _report(
        "（二）城镇职工基本医疗保险基金预算完成情况\n\n"
        "截止 2020 年 12 月城镇职工、居民医疗保险支出 30405.8 万元，完成预算的 100%；\n"
    )
    assert [(f.subject, f.metric) for f in report.facts] == [
        ("employee_medical", "executed"),
        ("employee_medical", "execution_rate_pct"),
    ]


def test_paragraphs_join_wraps_and_keep_headings() -> None:
    text = (
        "## 一、总体情况\n"
        "2020 年，某某县社会保险基金总收入 43436.13 万元，  \n"
        "总支出 54106.67 万元。\n"
        "预算完成情况\n"
        "截止 2020 年 12 月职工医疗保险支出 16402.24 万元，预\n\n\n\n"
        "算支出 3738.2 万元。\n"
        "1、加大社会保险扩面力度。\n"
        "2、督促单位及时申请财政补助资金。\n"
    )
    found = paragraphs(read_rows(text))
    assert [(p.text, p.heading) for p in found] == [
        ("一、总体情况", 2),
        ("2020年，某某县社会保险基金总收入43436.13万元，总支出54106.67万元。", 0),
        ("预算完成情况", 9),
        ("截止2020年12月职工医疗保险支出16402.24万元，预算支出3738.2万元。", 0),
        ("1、加大社会保险扩面力度。", 0),
        ("2、督促单位及时申请财政补助资金。", 0),
    ]


@pytest.mark.parametrize("marker", ["一、", "（二）", "3、", "(4)"])
def test_numbered_short_lines_are_headings(marker: str) -> None:
    found = paragraphs(read_rows(f"{marker}基金运行情况\n本年度基金运行平稳，收支基本平衡。\n"))
    assert found[0].heading > 0 and found[1].heading == 0
    assert found[0].text == f"{marker}基金运行情况"


def test_unnumbered_heading_stands_alone_but_a_continuation_joins() -> None:
    text = (
        "城乡居民医疗保险基金运行情况分析\n"
        "2021 年城乡居民医疗保险基金本年收入 100 万元，基金运行总体平稳各项待遇\n"
        "按时足额发放没有发生挤占挪用基金\n"
        "的情况。\n"
    )
    found = paragraphs(read_rows(text))
    assert [(p.text, p.heading) for p in found] == [
        ("城乡居民医疗保险基金运行情况分析", 9),
        (
            "2021年城乡居民医疗保险基金本年收入100万元，"
            "基金运行总体平稳各项待遇按时足额发放没有发生挤占挪用基金的情况。",
            0,
        ),
    ]


# --- people: 人次 as the unit, 领取…金人数 -------------------------------------------


def test_a_count_of_people_may_print_its_count_word_as_the_unit() -> None:
    # 享受待遇 X 人次: 人次 is the unit, the label has no 人数; the fund's name may stand
    # inside the label; 领取失业保险金人数 counts beneficiaries too
    report = _report(
        "失业保险享受待遇386人次，全年享受失业保险待遇1,024人次，"
        "领取失业保险金人数412人，较上年增加35人。\n"
    )
    assert _facts(report) == [
        ("unemployment", "beneficiaries", D("386"), "人次"),
        ("unemployment", "beneficiaries", D("1024"), "人次"),
        ("unemployment", "beneficiaries", D("412"), "人"),
    ]


# --- the subject: total markers, headings, the report's fund ---------------------


def test_heji_is_no_total_marker_under_a_fund_heading() -> None:
    report = _report(
        "一、工伤保险\n\n"
        "全年基金收入合计985.6万元，基金支出1,104.35万元。\n\n"
        "二、总体情况\n\n"
        "全县社会保险基金收入合计5,000万元。社会保险基金支出合计4,000万元。\n"
    )
    assert [(f.subject, f.metric) for f in report.facts] == [
        ("work_injury", "income"),
        ("work_injury", "expenditure"),
        ("total", "income"),
        ("total", "expenditure"),
    ]


def test_flat_markdown_headings_rank_by_their_numbering() -> None:
    # MinerU prints every heading "# ": 1./2. stand under （一）, （二） ends （一）, 二、 ends all
    report = _report(
        "# 一、基本情况\n\n"
        "# （一）失业保险\n\n"
        "# 1.参保情况\n\n"
        "参保人数达12,806人。\n\n"
        "# 2.基金收支情况\n\n"
        "本年基金收入1,865.2万元。\n\n"
        "# （二）工伤保险\n\n"
        "# 1.基金收支情况\n\n"
        "本年基金收入985.6万元。\n\n"
        "# 二、预算执行情况\n\n"
        "基金支出预算数100万元，执行数90万元。\n"
    )
    assert [(f.subject, f.metric) for f in report.facts] == [
        ("unemployment", "insured"),
        ("unemployment", "income"),
        ("work_injury", "income"),
        ("total", "planned"),
        ("total", "executed"),
    ]


def test_a_bold_numbered_subheading_keeps_the_markdown_sections_fund() -> None:
    report = _report(
        "## 二、企业职工基本养老保险基金\n\n"
        "**（一）基金收入**\n\n"
        "本年收入31,260.75万元。\n\n"
        "**（二）基金支出**\n\n"
        "本年支出30,975.42万元。\n\n"
        "## 三、城乡居民基本养老保险基金\n\n"
        "**（一）基金收入**\n\n"
        "本年收入6,420.18万元。\n"
    )
    assert [(f.subject, f.metric) for f in report.facts] == [
        ("enterprise_pension", "income"),
        ("enterprise_pension", "expenditure"),
        ("resident_pension", "income"),
    ]


def test_a_heading_ending_a_sub_section_restores_the_outer_headings_fund() -> None:
    report = _report(
        "一、工伤保险基金\n\n"
        "（一）失业保险基金\n\n"
        "本年收入10万元。\n\n"
        "（二）运行情况\n\n"  # ends （一）: back under 一、工伤保险基金
        "本年收入20万元。\n\n"
        "预算完成情况\n\n"  # a minor heading stands under （二）
        "本年支出15万元。\n"
    )
    assert [(f.subject, f.metric) for f in report.facts] == [
        ("unemployment", "income"),
        ("work_injury", "income"),
        ("work_injury", "expenditure"),
    ]


def test_the_reports_own_fund_comes_before_total() -> None:
    records = parse_text(
        "和田市失业保险基金2023年度绩效自评报告\n\n"
        "二、基金收支情况\n\n"
        "全年基金收入3,415.62万元，基金支出3,902.18万元。\n\n"
        "全市两项社会保险基金收入合计5,000万元。\n"
    )
    report = records[0]
    assert isinstance(report, ReportRecord) and report.fund == "unemployment"
    assert [(f.subject, f.metric) for f in report.facts] == [
        ("unemployment", "income"),
        ("unemployment", "expenditure"),
        ("total", "income"),
    ]


def test_a_merged_maternity_qualifier_names_no_fund_of_its_own() -> None:
    records = parse_text(
        "巴楚县2022年度职工基本医疗保险基金（含生育保险）支出绩效评价报告\n\n"
        "（四）职工基本医疗保险基金（含生育保险）\n\n"
        "本年收入15万元。\n\n"
        "职工（含生育）基本医疗保险基金本年支出12万元。\n"
    )
    report = records[0]
    assert isinstance(report, ReportRecord) and report.fund == "employee_medical"
    assert [(f.subject, f.metric) for f in report.facts] == [
        ("employee_medical", "income"),
        ("employee_medical", "expenditure"),
    ]


def test_funds_named_then_figures_given_respectively_go_by_position() -> None:
    report = _report(
        "失业保险基金和工伤保险基金本年收入分别为1,026.50万元、742.38万元，"
        "本年支出分别为1,310.72万元、615.90万元。\n\n"
        "职工医保、居民医保基金支出预算分别为9,200.00万元和36,000.00万元，"
        "预算执行率分别为96.42%和97.68%。\n\n"
        # three figures for two funds: no position to go by
        "失业保险基金和工伤保险基金本年收入分别为1万元、2万元、3万元。\n"
    )
    assert [(f.subject, f.metric, f.value) for f in report.facts] == [
        ("unemployment", "income", D("1026.50")),
        ("work_injury", "income", D("742.38")),
        ("unemployment", "expenditure", D("1310.72")),
        ("work_injury", "expenditure", D("615.90")),
        ("employee_medical", "planned", D("9200.00")),
        ("resident_medical", "planned", D("36000.00")),
        ("employee_medical", "execution_rate_pct", D("96.42")),
        ("resident_medical", "execution_rate_pct", D("97.68")),
        ("total", "income", D("1")),
    ]


# --- labels: 其中, budgets, bare 收入/支出, earlier years ------------------------------


def test_sub_items_run_until_a_clause_states_another_metric() -> None:
    report = _report(
        # 其中 opens the next sentence: the clauses after it are sub-items too
        "全县社会保险基金收入合计100万元。其中，养老保险类基金收入60万元，"
        "医疗保险类基金收入30万元，工伤和失业保险基金收入10万元。\n\n"
        # 基金结余 is another metric than the 总支出 that 其中 breaks down
        "城乡居民医疗保险总支出47万元，其中：待遇支出21万元，上级上解支出25万元，"
        "基金结余：5万元。\n\n"
        "失业保险基金本年收入20万元，其中：保险费收入18万元，本年支出19万元。\n"
    )
    assert _facts(report) == [
        ("total", "income", D("100"), "万元"),
        ("resident_medical", "expenditure", D("47"), "万元"),
        ("resident_medical", "balance", D("5"), "万元"),
        ("unemployment", "income", D("20"), "万元"),
        ("unemployment", "expenditure", D("19"), "万元"),
    ]


def test_a_sentence_stating_a_budgeted_amount_is_about_the_budget() -> None:
    report = _report(
        # no 完成/执行: the stated 支出预算 makes 实际支出 the executed amount
        "失业保险基金支出预算16,800.00万元，实际支出17,230.08万元。\n\n"
        # 执行率 alone is the budget's; 超出预算 is no budgeted amount
        "工伤保险基金预算数1,050万元，执行数1,104.35万元，执行率105.18%，"
        "超出预算54.35万元。\n\n"
        "两项基金支出预算合计45,200.00万元，实际支出44,035.19万元，预算执行率97.42%。\n"
    )
    assert [(f.subject, f.metric, f.value) for f in report.facts] == [
        ("unemployment", "planned", D("16800.00")),
        ("unemployment", "executed", D("17230.08")),
        ("work_injury", "planned", D("1050")),
        ("work_injury", "executed", D("1104.35")),
        ("work_injury", "execution_rate_pct", D("105.18")),
        ("total", "planned", D("45200.00")),
        ("total", "executed", D("44035.19")),
        ("total", "execution_rate_pct", D("97.42")),
    ]


def test_a_sentence_naming_the_budget_process_is_not_about_the_budget() -> None:
    # 预算管理 states no budgeted amount: 基金支出 stays the expenditure
    report = _report("按照社会保险基金预算管理要求，失业保险基金支出1,088.10万元。\n")
    assert [(f.subject, f.metric) for f in report.facts] == [("unemployment", "expenditure")]


def test_bare_income_and_expenditure_after_a_fund() -> None:
    report = _report(
        "企业职工基本养老保险基金收入18,620.40万元，支出17,905.16万元。\n\n"
        "三、失业保险基金：收入1,203.55万元，支出1,088.10万元。\n\n"
        "城乡居民人均可支配收入3万元。\n"  # not bare: opens neither clause nor field
    )
    assert [(f.subject, f.metric, f.value) for f in report.facts] == [
        ("enterprise_pension", "income", D("18620.40")),
        ("enterprise_pension", "expenditure", D("17905.16")),
        ("unemployment", "income", D("1203.55")),
        ("unemployment", "expenditure", D("1088.10")),
    ]


def test_figures_of_an_earlier_year_are_not_facts() -> None:
    report = _report(
        "上年全县社会保险基金收入合计119,169.60万元。上年基金收入11,793.60万元。\n\n"
        "基金支出预算数为1,215万元，实际支出1,198万元，较上年同期支出1,102万元增长8.74%。\n\n"
        "与上年相比，本年收入增长，本年收入100万元。\n"
    )
    assert [(f.metric, f.value) for f in report.facts] == [
        ("planned", D("1215")),
        ("executed", D("1198")),
        ("income", D("100")),
    ]


# --- paragraphs: page numbers, minor headings, a figure after a colon --------------


def test_page_numbers_and_page_breaks_neither_split_nor_end_a_paragraph() -> None:
    text = (
        "三、预算执行情况\n"
        "截至 2022 年 12 月 31 日，城乡居民基本养老保险基金支出预算 10,250.00\n\n"
        "- 2 -\n"
        "\f万元，实际支出 9,842.15 万元，完成预算的 96.02%。\n"
        "-3-\n"
        "四、存在的问题\n"
        "第 1 页 共 2 页\n"
    )
    found = paragraphs(read_rows(text))
    assert [p.text for p in found] == [
        "三、预算执行情况",
        "截至2022年12月31日，城乡居民基本养老保险基金支出预算10,250.00万元，"
        "实际支出9,842.15万元，完成预算的96.02%。",
        "四、存在的问题",
    ]


def test_a_full_pdf_line_without_punctuation_is_no_heading() -> None:
    text = (
        "四、存在的问题\n"
        "部分参保群众选择最低缴费档次导致长缴多得的激励作用发挥不充\n"
        "分，人均缴费水平不高。\n"
        "基金运行分析\n"  # short, and the next line does not continue it
        "本年基金运行平稳。\n"
        "基金保值增值渠道单\n"  # short, but the next line continues it
        "一，收益率偏低。\n"
    )
    found = paragraphs(read_rows(text))
    assert [(p.text, p.heading) for p in found] == [
        ("四、存在的问题", 1),
        ("部分参保群众选择最低缴费档次导致长缴多得的激励作用发挥不充分，人均缴费水平不高。", 0),
        ("基金运行分析", 9),
        ("本年基金运行平稳。", 0),
        ("基金保值增值渠道单", 0),
        ("一，收益率偏低。", 0),
    ]


def test_a_line_ending_in_a_colon_continues_with_the_figure_below() -> None:
    report = _report(
        "全县城乡居民养老保险参保人数达 98,652 人，享受待遇人数：\n"
        "21,307 人，较上年增加 1,150 人。\n"
        "现将有关情况说明如下：\n"
        "一、收入情况\n"
    )
    assert report.text.startswith(
        "全县城乡居民养老保险参保人数达98,652人，享受待遇人数：21,307人，较上年增加1,150人。"
        "\n\n现将有关情况说明如下：\n\n一、收入情况"
    )
    assert [(f.metric, f.value) for f in report.facts] == [
        ("insured", D("98652")),
        ("beneficiaries", D("21307")),
    ]


# --- cover lines, salutation, region ------------------------------------------------


def test_a_salutation_after_the_title_is_the_bodys_first_paragraph() -> None:
    records = parse_text(
        "关于霍城县2022年度社会保险基金决算的说明\n\n"
        "霍城县人大常委会：\n\n"
        "现将霍城县2022年度社会保险基金决算情况报告如下，请予审议。\n"
    )
    report = records[0]
    assert isinstance(report, ReportRecord)
    assert report.text == (
        "霍城县人大常委会：\n\n现将霍城县2022年度社会保险基金决算情况报告如下，请予审议。"
    )


def test_region_from_a_cover_field_without_its_label() -> None:
    records = parse_text(
        "社会保险基金整体支出\n绩效自评报告\n（2022年度）\n\n"
        "项目名称：社会保险基金支出\n"
        "实施单位（公章）：疏附县社会保险中心\n"
        "项目负责人：\n"  # a field left blank in a run of fields: still the cover
        "填报时间：2023年2月20日\n\n"
        "一、基本情况\n\n"
        "全年基金收入1万元。\n"
    )
    report = records[0]
    assert isinstance(report, ReportRecord)
    assert (report.region, report.year) == ("疏附县", 2022)
    assert report.text == "一、基本情况\n\n全年基金收入1万元。"
