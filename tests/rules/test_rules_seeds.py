"""The five seed documents checked together: every finding reviewed by hand and pinned.

Each entry is (file prefix, record, field, code, severity, expected, why it is right).
A change in the list — a finding added, lost or moved — needs a new review.
"""

from __future__ import annotations

from pathlib import Path

from jixiao.ingest import parse_file
from jixiao.rules import check_records

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

P = "min(r,1)×6/12"
# fmt: off
REVIEWED: list[tuple[str, int, str, str, str, str | None, str]] = [
    # 000: four June 2020 monitoring tables of 岳普湖县 (month 6, p = 0.5)
    ("000", 0, "indicators[2].completion_pct", "JX102", "error", "50.00", "≥95%或≤105% met by 95.00%: 24.94% fits no method (50% by the table's " + P + ")"),
    ("000", 0, "indicators[3].completion_pct", "JX102", "error", "50.00", "same row for 支出: 24.94% fits no method"),
    ("000", 0, "indicators[4].completion_pct", "JX102", "error", "50.00", "≥95% with actual 100%: printed 95.00% is the target copied, no method gives it"),
    ("000", 0, "indicators[5].completion_pct", "JX102", "error", "50.00", "≥95% with actual 100%: 95.00% fits no method"),
    ("000", 0, "indicators[7].completion_pct", "JX102", "error", "50.00", "100% of 100%: 95.00% fits no method"),
    ("000", 0, "indicators[2].target", "JX201", "warning", None, "≥95%或≤105% is always true as written; meant 且"),
    ("000", 0, "indicators[3].target", "JX201", "warning", None, "≥95%或≤105% written with 或"),
    ("000", 0, "indicators[6].completion_pct", "JX204", "error", None, "actual says 未达成预期指标且效果较差 but 完成率 is 100.00%"),
    ("000", 0, "deviation", "JX204", "error", None, "偏差栏 says 无偏差 while two rows say 未达成"),
    ("000", 1, "indicators[2].completion_pct", "JX102", "error", "50.00", "range met by 95.00%: printed 95.00% is the actual copied"),
    ("000", 1, "indicators[3].completion_pct", "JX102", "error", "50.00", "range met by 95.00%: 95.00% fits no method"),
    ("000", 1, "indicators[4].completion_pct", "JX102", "error", "50.00", "41.67% (= 5/12) at month 6 for a met target fits no method"),
    ("000", 1, "indicators[5].completion_pct", "JX102", "error", "50.00", "41.67% at month 6 for a met target"),
    ("000", 1, "indicators[7].completion_pct", "JX102", "error", "50.00", "41.67% at month 6 for 100% of 100%"),
    ("000", 1, "indicators[2].target", "JX201", "warning", None, "≥95%或≤105% written with 或"),
    ("000", 1, "indicators[3].target", "JX201", "warning", None, "≥95%或≤105% written with 或"),
    ("000", 1, "deviation", "JX204", "error", None, "无偏差 while two rows say 未达成"),
    ("000", 2, "indicators[1].completion_pct", "JX102", "error", "29.39", "偏离率 17.01% is outside ±10%; printed 17.01% copies the actual"),
    ("000", 2, "indicators[3].completion_pct", "JX102", "error", "50.00", "9个月 inside 6–9: 41.67% fits no method"),
    ("000", 2, "indicators[5].completion_pct", "JX102", "error", "22.54", "128 of 284: 58.80% fits no method (r = 45.07%)"),
    ("000", 2, "indicators[6].completion_pct", "JX102", "error", "50.00", "<0.1% met by 0%: 33.33% (= 4/12) fits no method"),
    ("000", 2, "indicators[7].completion_pct", "JX102", "error", "50.00", "≥99% met by 100%: 33.33%"),
    ("000", 2, "indicators[8].completion_pct", "JX102", "error", "50.00", "≥99% met by 100%: 33.33%"),
    ("000", 2, "indicators[12].completion_pct", "JX102", "error", "50.00", "100% of 100%: 33.33%"),
    ("000", 2, "indicators[14].completion_pct", "JX102", "error", "50.00", "≤0 met by 0: 33.33%"),
    ("000", 2, "indicators[15].completion_pct", "JX102", "error", "50.00", "≤1% met by 0%: 33.33%"),
    ("000", 2, "indicators[0].target", "JX201", "warning", None, "≥-10%或≤10% written with 或"),
    ("000", 2, "indicators[1].target", "JX201", "warning", None, "≥-10%或≤10% written with 或"),
    ("000", 2, "indicators[2].target", "JX201", "warning", None, "≥6个月或≤9个月 written with 或"),
    ("000", 2, "indicators[3].target", "JX201", "warning", None, "≥6个月或≤9个月 written with 或"),
    ("000", 2, "deviation", "JX204", "error", None, "无偏差 while 偏离率 17.01% breaks ±10% and four rows say 未达成"),
    ("000", 2, "budget.execution_rate_pct", "JX302", "warning", "50.00", "27.71% is 22.29 points behind 50% and 偏差栏 only says 无偏差"),
    ("000", 3, "indicators[1].completion_pct", "JX102", "error", "50.00", "9个月 inside 6–9: 41.67% fits no method"),
    ("000", 3, "indicators[2].completion_pct", "JX102", "error", "49.84", "157751 of 158269 at month 6: 41.54% fits no method"),
    ("000", 3, "indicators[3].completion_pct", "JX102", "error", "50.00", "<0.1% met: 41.67%"),
    ("000", 3, "indicators[4].completion_pct", "JX102", "error", "50.00", "≥99% met: 41.67%"),
    ("000", 3, "indicators[5].completion_pct", "JX102", "error", "50.00", "≥99% met: 41.67%"),
    ("000", 3, "indicators[11].completion_pct", "JX102", "error", "50.00", "≤0 met: 41.67%"),
    ("000", 3, "indicators[12].completion_pct", "JX102", "error", "50.00", "≤1% met: 41.67%"),
    ("000", 3, "indicators[0].target", "JX201", "warning", None, "≥-10%或≤10% written with 或"),
    ("000", 3, "indicators[1].target", "JX201", "warning", None, "≥6个月或≤9个月 written with 或"),
    # 001: 疏勒县 old-form self-evaluations and their report
    ("001", 0, "budget.executed.total", "JX301", "warning", "11431.62", "30405.81 spent of 11431.62 (265.98%); reason given (上解), so a warning"),
    ("001", 1, "budget.executed.total", "JX301", "warning", "24581.48", "47353.37 spent of 24581.48 (192.64%); reason given"),
    ("001", 1, "footer", "JX502", "info", None, "制表人 彭革娟 with mobile 15276113376 printed under the published table"),
    ("001", 2, "facts[16].value", "JX101", "error", "215.90", "77759.16 of 36016.09 is 215.90%, not 100%"),
    ("001", 2, "facts[11].value", "JX402", "error", "192.64", "report says 100% of budget; the 自评表 gives 47353.37/24581.48"),
    ("001", 2, "facts[13].value", "JX402", "error", "265.98", "report says 100%; the 自评表 gives 30405.81/11431.62"),
    # 002: 喀什地区 June 2021 monitoring tables (integer percentages)
    ("002", 0, "indicators[0].completion_pct", "JX102", "warning", "50.00", "52% is uncapped r×p while the table caps over-achieved rows at 50%"),
    ("002", 0, "indicators[2].target", "JX201", "error", None, "105%≤≥95% cannot be read"),
    ("002", 0, "indicators[3].target", "JX201", "error", None, "105%≤≥95% cannot be read"),
    ("002", 1, "indicators[2].completion_pct", "JX102", "warning", "32.53", "65% is r alone; the other rows use r×p"),
    ("002", 1, "indicators[5].target", "JX201", "error", None, "105%≤≥95%"),
    ("002", 1, "indicators[6].target", "JX201", "error", None, "105%≤≥95%"),
    ("002", 2, "indicators[1].completion_pct", "JX102", "error", "27.38", "60.7 of 110.83 万人次 is 54.77%; 57% fits no method"),
    ("002", 2, "indicators[2].completion_pct", "JX102", "warning", "27.78", "56% is r alone; the table uses r×p"),
    ("002", 2, "indicators[3].target", "JX201", "error", None, "105%≤≥95%"),
    ("002", 3, "indicators[3].completion_pct", "JX102", "warning", "18.13", "36% is r alone; the table uses r×p"),
    ("002", 3, "indicators[4].completion_pct", "JX102", "warning", "25.79", "52% is r alone; the table uses r×p"),
    ("002", 3, "indicators[5].target", "JX201", "error", None, "105%≤≥95%"),
    # 003: 岳普湖县 决算说明, 决算表, 自评报告 and four self-evaluations
    ("003", 0, "text", "JX501", "warning", None, "本年收入 9410.12 万元元: doubled unit"),
    ("003", 1, "funds.employee_medical.closing_balance", "JX304", "error", "1.53", "2093.28 ÷ (16402.24 ÷ 12) = 1.53 months, below 3"),
    ("003", 1, "funds.resident_medical.closing_balance", "JX304", "error", "0.42", "772.54 ÷ (21860.67 ÷ 12) = 0.42 months, below 3"),
    ("003", 2, "facts[3].unit", "JX501", "error", None, "末滚存结余 23541.75 元 is the 决算's 23541.75 万元"),
    ("003", 3, "indicators[0].target", "JX201", "warning", None, "≥-10%或≤10% written with 或"),
    ("003", 3, "indicators[1].target", "JX201", "warning", None, "≥6个月或≤9个月 written with 或"),
    ("003", 3, "indicators[2].note", "JX203", "warning", None, "157935 of ≥158269 missed, no 偏差原因 anywhere in the table"),
    ("003", 3, "budget.planned.total", "JX303", "warning", "11110.26", "全年预算数 = 全年执行数 = 7828.73, 年初 11110.26"),
    ("003", 3, "indicators[1].actual", "JX403", "error", "0.42", "claims 9个月; the 决算 gives 0.42 months"),
    ("003", 4, "indicators[2].target", "JX201", "warning", None, "≥95%或≤105% written with 或"),
    ("003", 4, "indicators[3].target", "JX201", "warning", None, "≥95%或≤105% written with 或"),
    ("003", 4, "indicators[0].note", "JX203", "warning", None, "70083 of 74272 missed, no 偏差原因"),
    ("003", 4, "budget.planned.total", "JX303", "warning", "2889.39", "全年预算数 = 全年执行数 = 2684.22, 年初 2889.39"),
    ("003", 5, "indicators[2].target", "JX201", "warning", None, "≥95%或≤105% written with 或"),
    ("003", 5, "indicators[3].target", "JX201", "warning", None, "≥95%或≤105% written with 或"),
    ("003", 5, "budget.planned.total", "JX303", "warning", "12939.37", "全年预算数 = 全年执行数 = 13129.54, 年初 12939.37"),
    ("003", 5, "budget.executed.total", "JX401", "error", "13159.54", "13129.54 spent vs 决算 机关养老 支出 13159.54 (digit slip)"),
    ("003", 6, "indicators[0].target", "JX201", "warning", None, "≥-10%或≤10% written with 或"),
    ("003", 6, "indicators[1].target", "JX201", "warning", None, "≥-10%或≤10% written with 或"),
    ("003", 6, "indicators[2].target", "JX201", "warning", None, "≥6个月或≤9个月 written with 或"),
    ("003", 6, "indicators[3].target", "JX201", "warning", None, "≥6个月或≤9个月 written with 或"),
    ("003", 6, "budget.planned.total", "JX303", "warning", "3738.20", "全年预算数 = 全年执行数 = 4003.87, 年初 3738.20"),
    ("003", 6, "budget.executed.total", "JX401", "error", "16402.24", "4003.87 vs 决算 职工医保 支出 16402.24 and 待遇支出 4002.96"),
    ("003", 6, "indicators[2].actual", "JX403", "error", "1.53", "claims 9个月; the 决算 gives 1.53 months"),
    # 004: 乌鲁木齐市 target tables
    ("004", 0, "indicators[3].target", "JX201", "error", None, "105%≤95% cannot be read"),
    ("004", 0, "indicators[4].target", "JX201", "error", None, "105%≤95%"),
    ("004", 1, "indicators[5].target", "JX201", "error", None, "105%≤95%"),
    ("004", 1, "indicators[6].target", "JX201", "error", None, "105%≤95%"),
    ("004", 2, "indicators[13].name", "JX205", "warning", None, "门诊统筹 indicator listed twice (实现/实行)"),
]
# fmt: on


def test_seed_findings_are_the_reviewed_ones() -> None:
    documents = [(path.name, parse_file(path)) for path in sorted(SEEDS.glob("*.txt"))]
    assert len(documents) == 5
    found = [
        (
            f.source[:3],
            f.record,
            f.field,
            f.code,
            f.severity,
            None if f.expected is None else str(f.expected),
        )
        for f in check_records(documents)
    ]
    assert found == [entry[:6] for entry in REVIEWED]
