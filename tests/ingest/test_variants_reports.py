"""Narrative reports from other counties (决算的说明, 整体支出绩效自评报告, 绩效评价报告),
written by hand in tests/fixtures/reports_variants/ in the ways counties publish them:
plain text from Word, MinerU and docling markdown (``#`` headings, ``**`` bold, an HTML
table), pdftotext wrapped lines (page numbers, form feeds, spaces between CJK and
digits), cover pages, figures with thousands separators in 亿元/万元/元, negative
balances, funds named in headings or in the sentence, several funds in one sentence.

Every expectation is read off the document by hand, from record-format.md (section
``report``) and the rules of the docstring of ``jixiao.ingest.reports``; none is copied
from the parser's output. Where the docstring is silent and the expectation is a
judgement call, the comment beside the fact says so (``判断``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.ingest import parse_file
from jixiao.records import ReportRecord

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "reports_variants"
D = Decimal
WAN, YI, YUAN, PCT, REN, RENCI = "万元", "亿元", "元", "%", "人", "人次"

Fact = tuple[str, str, Decimal, str]


@dataclass(frozen=True)
class Expected:
    """What one document must give: a single report record and its fields."""

    title: str
    region: str | None
    year: int | None
    fund: str | None
    text_start: str
    text_end: str
    text_contains: tuple[str, ...]
    text_excludes: tuple[str, ...]
    facts: list[Fact]


def f(subject: str, metric: str, value: str, unit: str) -> Fact:
    return (subject, metric, D(value), unit)


EXPECTED: dict[str, Expected] = {
    # 决算的说明 from Word as plain text: run-in headings "（一）企业…基金。本年收入…",
    # a salutation, a 其中 list of fund groups, "含生育保险", two funds in one
    # paragraph, a previous-year total and a 收支缺口.
    "01_huocheng_accounts_note.txt": Expected(
        title="关于霍城县2022年度社会保险基金决算的说明",
        region="霍城县",
        year=2022,
        fund=None,
        text_start=(
            # the salutation is the body's first paragraph, not a cover row
            "霍城县人大常委会：\n\n现将霍城县2022年度社会保险基金决算情况报告如下，请予审议。"
            "\n\n一、社会保险基金决算总体情况\n\n2022年，全县社会保险基金收入合计125,386.42万元"
        ),
        text_end="缺口已由历年结余弥补。",
        text_contains=(
            "（一）企业职工基本养老保险基金。本年收入48,215.60万元，其中：养老保险费收入30,112.45万元",
            "\n\n三、需要说明的事项\n\n上年全县社会保险基金收入合计119,169.60万元。",
        ),
        text_excludes=(),
        facts=[
            # 2022年，全县社会保险基金收入合计125,386.42万元，较上年增长5.2%。(增长: no fact)
            f("total", "income", "125386.42", WAN),
            # 其中，养老保险类基金收入…，医疗保险类基金收入…，工伤和失业保险基金收入…:
            # sub-items after 其中 (they add up to the total): no facts
            # 全县社会保险基金支出合计118,907.15万元，较上年增长7.9%；
            f("total", "expenditure", "118907.15", WAN),
            # 当年收支结余6,479.27万元，年末累计结余14.23亿元。
            f("total", "balance", "6479.27", WAN),
            f("total", "closing_balance", "14.23", YI),
            # （一）企业职工基本养老保险基金。本年收入… (the fund named by the paragraph's
            # first sentence; 其中 sub-items give nothing)
            f("enterprise_pension", "income", "48215.60", WAN),
            f("enterprise_pension", "expenditure", "46870.33", WAN),
            f("enterprise_pension", "balance", "1345.27", WAN),
            f("enterprise_pension", "closing_balance", "52630.90", WAN),
            # （二）机关事业单位基本养老保险基金。… 当年收支结余-462.46万元 …
            f("public_pension", "income", "35640.12", WAN),
            f("public_pension", "expenditure", "36102.58", WAN),
            f("public_pension", "balance", "-462.46", WAN),
            f("public_pension", "closing_balance", "8915.37", WAN),
            # （三）城乡居民基本养老保险基金。
            f("resident_pension", "income", "9876.54", WAN),
            f("resident_pension", "expenditure", "7120.09", WAN),
            f("resident_pension", "balance", "2756.45", WAN),
            f("resident_pension", "closing_balance", "21402.66", WAN),
            # （四）职工基本医疗保险基金（含生育保险）。 record-format: employee_medical
            # "incl. 生育 where merged" — one fund, not two
            f("employee_medical", "income", "15230.48", WAN),
            f("employee_medical", "expenditure", "14015.72", WAN),
            f("employee_medical", "balance", "1214.76", WAN),
            f("employee_medical", "closing_balance", "31870.15", WAN),
            # （五）城乡居民基本医疗保险基金。
            f("resident_medical", "income", "14018.30", WAN),
            f("resident_medical", "expenditure", "12653.07", WAN),
            f("resident_medical", "balance", "1365.23", WAN),
            f("resident_medical", "closing_balance", "12466.50", WAN),
            # （六）工伤保险基金和失业保险基金。工伤保险基金本年收入…，本年支出…；
            # 失业保险基金本年收入…，本年支出… (each clause's own fund)
            f("work_injury", "income", "1125.08", WAN),
            f("work_injury", "expenditure", "980.24", WAN),
            f("unemployment", "income", "1280.30", WAN),
            f("unemployment", "expenditure", "1165.12", WAN),
            # 上年全县社会保险基金收入合计119,169.60万元。 last year's figure: no fact (判断:
            # the docstring names only 上年结余; a fact has no year, so it would read as 2022's)
            # …出现收支缺口462.46万元… no metric label: no fact (判断: not "balance 462.46",
            # which has the wrong sign; -462.46 is already stated above)
        ],
    ),
    # 绩效自评报告 as MinerU markdown: cover page in blocks, every heading "# " (MinerU
    # does not tell levels), **bold** run-in labels, an HTML table in the body.
    "02_maigaiti_selfeval_mineru.md": Expected(
        title="麦盖提县社会保险基金2023年度整体支出绩效自评报告",
        region="麦盖提县",
        year=2023,
        fund=None,
        text_start=(
            "一、基本情况\n\n（一）失业保险\n\n1.参保及待遇情况\n\n"
            "截至2023年12月底，全县失业保险参保人数达12,806人，较上年增加356人；"
            "全年享受失业保险待遇1,024人次。"
        ),
        text_end="较上年提高1.2个百分点。",
        text_contains=(
            # the HTML table: one paragraph, a line per row, cells apart by a tab
            "险种\t支出预算（万元）\t实际支出（万元）\t执行率\n"
            "失业保险\t1,500.00\t1,402.77\t93.52%\n工伤保险\t1,050.00\t1,104.35\t105.18%",
            "\n\n失业保险：基金支出预算1,500.00万元，实际支出1,402.77万元，预算执行率为93.52%。",
        ),
        text_excludes=("#", "**", "<td>", "<table>", "项目负责人", "阿不都热合曼", "填报时间"),
        facts=[
            # # （一）失业保险 / # 1.参保及待遇情况:
            # 全县失业保险参保人数达12,806人，较上年增加356人； (增加: no fact)
            f("unemployment", "insured", "12806", REN),
            # 全年享受失业保险待遇1,024人次。 (享受待遇 with the fund's name inside)
            f("unemployment", "beneficiaries", "1024", RENCI),
            # # 2.基金收支情况 — under "（一）失业保险": "1./2." are its sub-headings even
            # though MinerU prints every heading as "# "
            f("unemployment", "income", "1865.20", WAN),
            f("unemployment", "expenditure", "1402.77", WAN),
            f("unemployment", "balance", "462.43", WAN),
            f("unemployment", "closing_balance", "4310.88", WAN),
            # # （二）工伤保险: 全县工伤保险参保人数达15,230人，享受待遇386人次。
            f("work_injury", "insured", "15230", REN),
            f("work_injury", "beneficiaries", "386", RENCI),
            # 全年基金收入合计985.60万元 … ("收入合计" is the fund's own income label, not a
            # marker of the all-funds total: the heading's fund)
            f("work_injury", "income", "985.60", WAN),
            f("work_injury", "expenditure", "1104.35", WAN),
            f("work_injury", "balance", "-118.75", WAN),
            f("work_injury", "closing_balance", "1230.40", WAN),
            # the table gives no facts; then the sentences:
            # **失业保险：**基金支出预算1,500.00万元，实际支出1,402.77万元，预算执行率为93.52%。
            f("unemployment", "planned", "1500.00", WAN),
            f("unemployment", "executed", "1402.77", WAN),
            f("unemployment", "execution_rate_pct", "93.52", PCT),
            # **工伤保险：**…完成预算的105.18%，超出预算54.35万元… (超出预算: an overrun,
            # not the budget: no fact)
            f("work_injury", "planned", "1050.00", WAN),
            f("work_injury", "executed", "1104.35", WAN),
            f("work_injury", "execution_rate_pct", "105.18", PCT),
            # 参保率为87.6% and 提高1.2个百分点: no facts
        ],
    ),
    # 绩效自评报告 as pdftotext: cover lines, form feeds, "- 1 -" page numbers (one in
    # the middle of a sentence), spaces between CJK and digits, a line broken after "：".
    "03_yingjisha_selfeval_pdftotext.txt": Expected(
        title="英吉沙县城乡居民基本养老保险基金2022年度绩效自评报告",
        region="英吉沙县",
        year=2022,
        fund="resident_pension",
        text_start=(
            "一、基本情况\n\n2022年，我县城乡居民基本养老保险工作紧紧围绕“全覆盖、保基本、"
            "可持续”的目标，扎实推进参保扩面和待遇发放工作。截至2022年12月底，全县城乡居民"
            # 判断: the line ends in "：" but the sentence goes on (docstring: "：" closes)
            "养老保险参保人数达98,652人，享受待遇人数：21,307人，较上年增加1,150人。"
            "\n\n二、基金收支情况\n\n"
        ),
        text_end="基金保值增值渠道单一，收益率偏低。",
        text_contains=(
            "全年城乡居民养老保险基金收入12,536.80万元，基金支出9,842.15万元，当年收支结余"
            "2,694.65万元，年末滚存结余36,118.27万元。全年基金收入较上年增长6.3%，"
            "上年基金收入11,793.60万元。\n\n三、预算执行情况\n\n"
            # "- 2 -" and the form feed between "10,250.00" and "万元" are no part of the text
            "截至2022年12月31日，城乡居民基本养老保险基金支出预算10,250.00万元，实际支出"
            "9,842.15万元，完成预算的96.02%。其中，基础养老金支出8,911.40万元，个人账户养老金"
            "支出730.55万元。\n\n四、存在的问题\n\n"
            # a 29-character first line without punctuation continues: it is no heading
            "部分参保群众选择最低缴费档次导致长缴多得的激励作用发挥不充分，人均缴费水平不高；",
        ),
        text_excludes=("-1-", "-2-", "-3-", "单位名称", "报告日期", "\f"),
        facts=[
            # 全县城乡居民养老保险参保人数达98,652人，享受待遇人数：21,307人，较上年增加1,150人。
            f("resident_pension", "insured", "98652", REN),
            f("resident_pension", "beneficiaries", "21307", REN),
            # 全年城乡居民养老保险基金收入…，基金支出…，当年收支结余…，年末滚存结余…。
            f("resident_pension", "income", "12536.80", WAN),
            f("resident_pension", "expenditure", "9842.15", WAN),
            f("resident_pension", "balance", "2694.65", WAN),
            f("resident_pension", "closing_balance", "36118.27", WAN),
            # 上年基金收入11,793.60万元: last year's (判断, as in 01): no fact
            # …基金支出预算10,250.00 [- 2 -] 万元，实际支出9,842.15万元，完成预算的96.02%。
            f("resident_pension", "planned", "10250.00", WAN),
            f("resident_pension", "executed", "9842.15", WAN),
            f("resident_pension", "execution_rate_pct", "96.02", PCT),
            # 其中，基础养老金支出…，个人账户养老金支出…: sub-items, no facts
        ],
    ),
    # 绩效评价报告 (third party) as plain text: "（含生育保险）" in the title and a
    # sentence, 万人, 人次为, a budget sentence without 完成/执行, 执行率 without 预算.
    "04_bachu_evaluation.txt": Expected(
        title="巴楚县2022年度职工基本医疗保险基金（含生育保险）支出绩效评价报告",
        region="巴楚县",
        year=2022,
        # record-format: employee_medical includes 生育 where merged
        fund="employee_medical",
        text_start=(
            "受巴楚县财政局委托，第三方评价机构（以下简称“评价组”）对巴楚县2022年度职工基本"
            "医疗保险基金（含生育保险）支出开展了重点绩效评价。现将评价情况报告如下：\n\n"
            "一、项目基本情况\n\n（一）参保及待遇享受情况\n\n"
        ),
        text_end="评价等级为“优”。",
        text_contains=(
            "全年职工医保享受待遇人次为86,412人次。",
            "按调整后预算数17,500.00万元计算，执行数17,230.08万元，执行率98.46%。",
        ),
        text_excludes=(),
        facts=[
            # 参保人数达3.12万人 / 在职职工2.25万人: 万人 is no unit of the format (判断:
            # no fact rather than a converted 31200 人)
            # 全年职工医保享受待遇人次为86,412人次。
            f("employee_medical", "beneficiaries", "86412", RENCI),
            # 职工基本医疗保险基金（含生育保险）收入合计…，支出合计…，当年收支结余…，累计结余2.05亿元。
            f("employee_medical", "income", "18906.35", WAN),
            f("employee_medical", "expenditure", "17230.08", WAN),
            f("employee_medical", "balance", "1676.27", WAN),
            f("employee_medical", "closing_balance", "2.05", YI),
            # （三）… 较上年增长3.4% / 较上年减少612.40万元: no facts
            # 2022年职工基本医疗保险基金支出预算16,800.00万元，实际支出17,230.08万元。
            # (a sentence about the budget though it prints no 完成/执行)
            f("employee_medical", "planned", "16800.00", WAN),
            f("employee_medical", "executed", "17230.08", WAN),
            # 按调整后预算数17,500.00万元计算，执行数17,230.08万元，执行率98.46%。
            f("employee_medical", "planned", "17500.00", WAN),
            f("employee_medical", "executed", "17230.08", WAN),
            # 判断: "执行率" alone in a sentence about the budget is the budget execution rate
            f("employee_medical", "execution_rate_pct", "98.46", PCT),
            # 得分为91.5分: no fact
        ],
    ),
    # 决算的说明 as docling/marker markdown: "## " sections, **bold** sub-headings
    # "（一）基金收入" below a fund section, 亿元 totals, "分别为", a "−" minus sign.
    "05_yecheng_accounts_note.md": Expected(
        title="关于叶城县2023年度社会保险基金决算的说明",
        region="叶城县",
        year=2023,
        fund=None,
        text_start=(
            "叶城县财政局、叶城县人力资源和社会保障局、叶城县医疗保障局共同编制了2023年度社会"
            "保险基金决算，现将有关情况说明如下：\n\n一、总体情况\n\n"
            "2023年全县五项社会保险基金收入合计8.96亿元"
        ),
        text_end="失业保险基金本年收支结余−284.22万元，主要是稳岗返还支出增加。",
        text_contains=(
            "\n\n二、企业职工基本养老保险基金\n\n（一）基金收入\n\n"
            "本年收入31,260.75万元，较上年增长6.1%，其中：保险费收入24,108.30万元。"
            "\n\n（二）基金支出\n\n",
        ),
        text_excludes=("#", "**"),
        facts=[
            f("total", "income", "8.96", YI),
            f("total", "expenditure", "8.41", YI),
            f("total", "balance", "0.55", YI),
            f("total", "closing_balance", "21.37", YI),
            # ## 二、企业职工基本养老保险基金 / **（一）基金收入** etc.: the bold（一）（二）
            # （三）are sub-headings of the fund section, which keeps its fund
            f("enterprise_pension", "income", "31260.75", WAN),
            f("enterprise_pension", "expenditure", "30975.42", WAN),
            f("enterprise_pension", "balance", "285.33", WAN),
            f("enterprise_pension", "closing_balance", "46850.12", WAN),
            # ## 三、城乡居民基本养老保险基金
            f("resident_pension", "income", "6420.18", WAN),
            f("resident_pension", "expenditure", "5106.37", WAN),
            f("resident_pension", "balance", "1313.81", WAN),
            f("resident_pension", "closing_balance", "17935.40", WAN),
            # 失业保险基金和工伤保险基金本年收入分别为1,026.50万元、742.38万元，本年支出分别为
            # 1,310.72万元、615.90万元。 判断 (the docstring has no rule for 分别): each
            # figure belongs to the fund in the same position
            f("unemployment", "income", "1026.50", WAN),
            f("work_injury", "income", "742.38", WAN),
            f("unemployment", "expenditure", "1310.72", WAN),
            f("work_injury", "expenditure", "615.90", WAN),
            # 失业保险基金本年收支结余−284.22万元 (U+2212 minus)
            f("unemployment", "balance", "-284.22", WAN),
        ],
    ),
    # 决算（草案）的说明, plain text: the usual title of a 决算 submitted to the 人大, and
    # the national phrasing "…基金收入X万元，支出Y万元" (bare 支出) and "基金：收入X万元".
    "06_pishan_accounts_draft.txt": Expected(
        title="皮山县2022年社会保险基金决算（草案）的说明",
        region="皮山县",
        year=2022,
        fund=None,
        text_start="2022年，全县社会保险基金收入合计56,302.18万元，支出合计52,417.90万元",
        text_end="三、失业保险基金：收入1,203.55万元，支出1,088.10万元，当年收支结余115.45万元。",
        text_contains=("分险种情况如下：\n\n一、企业职工基本养老保险基金收入18,620.40万元",),
        text_excludes=(),
        facts=[
            f("total", "income", "56302.18", WAN),
            f("total", "expenditure", "52417.90", WAN),
            f("total", "balance", "3884.28", WAN),
            f("total", "closing_balance", "67215.33", WAN),
            # 一、企业职工基本养老保险基金收入18,620.40万元，支出17,905.16万元，…
            f("enterprise_pension", "income", "18620.40", WAN),
            f("enterprise_pension", "expenditure", "17905.16", WAN),
            f("enterprise_pension", "balance", "715.24", WAN),
            f("resident_medical", "income", "15108.72", WAN),
            f("resident_medical", "expenditure", "14260.05", WAN),
            f("resident_medical", "balance", "848.67", WAN),
            # 三、失业保险基金：收入1,203.55万元，支出1,088.10万元，…
            f("unemployment", "income", "1203.55", WAN),
            f("unemployment", "expenditure", "1088.10", WAN),
            f("unemployment", "balance", "115.45", WAN),
        ],
    ),
    # 整体支出绩效自评报告 with a cover page and no body title; the region is printed
    # only in the unit line of the cover; amounts in 元.
    "07_shufu_selfeval_cover.txt": Expected(
        title="社会保险基金整体支出绩效自评报告",
        # record-format: region "taken from the title, the unit or the project name"
        region="疏附县",
        year=2022,
        fund=None,
        text_start="一、基本情况\n\n疏附县社会保险中心负责全县企业职工基本养老保险",
        text_end="较上年同期支出1,102,415,300.00元增长8.74%，预算执行率98.66%。",
        text_contains=(
            "\n\n（一）城镇职工基本养老保险\n\n参保人数达36,502人，享受待遇人数9,874人。",
        ),
        text_excludes=("项目负责人", "李明", "填报时间", "（2022年度）"),
        facts=[
            # 2022年，全县五项社会保险基金收入合计1,263,508,420.56元，…
            f("total", "income", "1263508420.56", YUAN),
            f("total", "expenditure", "1198736015.20", YUAN),
            f("total", "balance", "64772405.36", YUAN),
            f("total", "closing_balance", "2108330417.89", YUAN),
            # 企业职工基本养老保险基金收入452,310,880.00元，支出447,926,304.15元，…
            f("enterprise_pension", "income", "452310880.00", YUAN),
            f("enterprise_pension", "expenditure", "447926304.15", YUAN),
            f("enterprise_pension", "balance", "4384575.85", YUAN),
            # （一）城镇职工基本养老保险: 判断 — the older name of 企业职工基本养老保险
            f("enterprise_pension", "insured", "36502", REN),
            f("enterprise_pension", "beneficiaries", "9874", REN),
            # （二）失业保险: 参保人数达8,215人，领取失业保险金人数412人。
            f("unemployment", "insured", "8215", REN),
            # 判断: 领取失业保险金人数 is the unemployment fund's 享受待遇人数
            f("unemployment", "beneficiaries", "412", REN),
            # 2022年社会保险基金支出预算数为…元，实际支出…元，较上年同期支出…元增长8.74%，
            # 预算执行率98.66%。 (上年同期支出: last year's, no fact)
            f("total", "planned", "1215000000.00", YUAN),
            f("total", "executed", "1198736015.20", YUAN),
            f("total", "execution_rate_pct", "98.66", PCT),
        ],
    ),
    # 决算说明 as pdftotext with the title wrapped over two lines
    # ("…决算" / "情况的说明") and "第 1 页 共 2 页" page lines.
    "08_atushi_accounts_pdftotext.txt": Expected(
        title="关于阿图什市2022年度社会保险基金决算情况的说明",
        region="阿图什市",
        year=2022,
        fund=None,
        text_start=(
            "阿图什市人力资源和社会保障局、阿图什市财政局根据《社会保险基金会计制度》和自治区有关"
            "决算编报要求，编制完成了2022年度全市社会保险基金决算。现将有关情况说明如下：\n\n"
            "一、收入情况\n\n2022年全市社会保险基金总收入98,765.43万元，较上年增加4,120.18万元，"
            "增长4.35%。"
        ),
        text_end="县级不再单独核算。",
        text_contains=(
            "全市社会保险基金当年收支结余7,560.77万元，年末累计结余15.82亿元。\n\n"
            "四、其他需要说明的事项\n\n一是机关事业单位基本养老保险基金收不抵支，当年收支缺口"
            "1,836.20万元，由财政补助弥补；",
        ),
        text_excludes=("第1页", "第2页", "\f"),
        facts=[
            f("total", "income", "98765.43", WAN),
            # 较上年增加4,120.18万元 / 增长4.35%: no facts
            f("total", "expenditure", "91204.66", WAN),
            f("total", "balance", "7560.77", WAN),
            f("total", "closing_balance", "15.82", YI),  # "15.82 亿" / "元。" joined
            # 当年收支缺口1,836.20万元: no fact (判断, as in 01)
        ],
    ),
    # 医保局 自评报告, Word text with full-width first-line indents: 职工医保/居民医保
    # short names in headings, 享受待遇X人次, "分别为…和…", 支出预算合计.
    "09_luopu_medical_selfeval.txt": Expected(
        title="洛浦县医疗保障局2023年度医疗保险基金支出绩效自评报告",
        region="洛浦县",
        year=2023,
        fund=None,  # both medical funds
        text_start="一、基本情况\n\n洛浦县医疗保障局负责全县职工基本医疗保险（含生育保险）",
        text_end="两项基金支出预算合计45,200.00万元，实际支出44,035.19万元，预算执行率97.42%。",
        text_contains=(
            "\n\n（一）职工医保\n\n参保人数达21,408人，享受待遇102,356人次。基金收入9,615.20万元",
        ),
        text_excludes=("\u3000",),
        facts=[
            # 2023年，全县两项医疗保险基金收入合计…，支出合计…，当年收支结余…，累计结余3.98亿元。
            f("total", "income", "47812.66", WAN),
            f("total", "expenditure", "44035.19", WAN),
            f("total", "balance", "3777.47", WAN),
            f("total", "closing_balance", "3.98", YI),
            # （一）职工医保: 参保人数达21,408人，享受待遇102,356人次。
            f("employee_medical", "insured", "21408", REN),
            f("employee_medical", "beneficiaries", "102356", RENCI),
            f("employee_medical", "income", "9615.20", WAN),
            f("employee_medical", "expenditure", "8870.43", WAN),
            f("employee_medical", "balance", "744.77", WAN),
            f("employee_medical", "closing_balance", "15206.31", WAN),
            # （二）居民医保: 参保人数达246,115人，享受待遇人数为183,420人次。
            f("resident_medical", "insured", "246115", REN),
            f("resident_medical", "beneficiaries", "183420", RENCI),
            f("resident_medical", "income", "38197.46", WAN),
            f("resident_medical", "expenditure", "35164.76", WAN),
            f("resident_medical", "balance", "3032.70", WAN),
            f("resident_medical", "closing_balance", "24593.69", WAN),
            # 职工医保、居民医保基金支出预算分别为9,200.00万元和36,000.00万元，实际支出分别为
            # 8,870.43万元和35,164.76万元，预算执行率分别为96.42%和97.68%。
            # 判断 (分别, as in 05): by position
            f("employee_medical", "planned", "9200.00", WAN),
            f("resident_medical", "planned", "36000.00", WAN),
            f("employee_medical", "executed", "8870.43", WAN),
            f("resident_medical", "executed", "35164.76", WAN),
            f("employee_medical", "execution_rate_pct", "96.42", PCT),
            f("resident_medical", "execution_rate_pct", "97.68", PCT),
            # 两项基金支出预算合计45,200.00万元，实际支出44,035.19万元，预算执行率97.42%。
            f("total", "planned", "45200.00", WAN),
            f("total", "executed", "44035.19", WAN),
            f("total", "execution_rate_pct", "97.42", PCT),
        ],
    ),
    # A one-fund 自评报告 whose sections do not repeat the fund's name.
    "10_hotan_unemployment_selfeval.txt": Expected(
        title="和田市失业保险基金2023年度绩效自评报告",
        region="和田市",
        year=2023,
        fund="unemployment",
        text_start="一、基本情况\n\n2023年，我市深入实施就业优先战略",
        text_end="基金支出预算数3,800.00万元，执行数3,902.18万元，预算执行率102.69%。",
        text_contains=("年末参保人数达42,316人，享受待遇6,930人次。",),
        text_excludes=(),
        facts=[
            # the paragraph named 失业保险 in its first sentence
            f("unemployment", "insured", "42316", REN),
            f("unemployment", "beneficiaries", "6930", RENCI),
            # 二、/三、 name no fund. 判断: the report is the 失业保险 fund's (its title and
            # record fund say so); the docstring's last fallback is "total", which would
            # state this one fund's income as the all-funds total.
            f("unemployment", "income", "3415.62", WAN),
            f("unemployment", "expenditure", "3902.18", WAN),
            f("unemployment", "balance", "-486.56", WAN),
            f("unemployment", "closing_balance", "9105.33", WAN),
            f("unemployment", "planned", "3800.00", WAN),
            f("unemployment", "executed", "3902.18", WAN),
            f("unemployment", "execution_rate_pct", "102.69", PCT),
        ],
    ),
}

NAMES = sorted(EXPECTED)


def _report(name: str) -> ReportRecord:
    records = parse_file(FIXTURES / name)
    kinds = [r.kind for r in records]
    assert kinds == ["report"], f"{name}: records {kinds}"
    report = records[0]
    assert isinstance(report, ReportRecord)
    return report


def _facts(report: ReportRecord) -> list[Fact]:
    return [(x.subject, x.metric, x.value, x.unit) for x in report.facts]


def test_every_fixture_has_expectations() -> None:
    assert sorted(p.name for p in FIXTURES.iterdir()) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_one_report_with_title_region_year_fund(name: str) -> None:
    report = _report(name)
    expected = EXPECTED[name]
    got = (report.title, report.region, report.year, report.fund)
    assert got == (expected.title, expected.region, expected.year, expected.fund)


@pytest.mark.parametrize("name", NAMES)
def test_text(name: str) -> None:
    text = _report(name).text
    expected = EXPECTED[name]
    assert text.startswith(expected.text_start), text[: len(expected.text_start) + 40]
    assert text.endswith(expected.text_end), text[-len(expected.text_end) - 40 :]
    for part in expected.text_contains:
        assert part in text
    for part in expected.text_excludes:
        assert part not in text


@pytest.mark.parametrize("name", NAMES)
def test_facts(name: str) -> None:
    assert _facts(_report(name)) == EXPECTED[name].facts


@pytest.mark.parametrize("name", NAMES)
def test_quotes_are_sentences_of_the_text(name: str) -> None:
    report = _report(name)
    for fact in report.facts:
        assert fact.quote in report.text
        printed = re.sub(r"[,，]", "", fact.quote)
        assert str(abs(fact.value)) in printed, (fact.value, fact.quote)
