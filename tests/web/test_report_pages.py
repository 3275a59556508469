"""Reports in the pages: created and edited through the same form, views, services, permission
checks and versions as the four tables (header, the body text kept as typed, the facts table).

The edit tests post what a browser would: every field of the rendered form (not the hidden
new-row templates), text areas without the newline that follows their start tag, and line
ends as CRLF.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from html.parser import HTMLParser
from typing import Any

import pytest

from jixiao.records import Fact, ReportRecord, loads
from jixiao.web.records.models import StoredRecord

TITLE = "关于2020年岳普湖县社会保险基金决算的说明"
TEXT = (
    "一、总体情况\n\n"
    "　　2020年，岳普湖县社会保险基金总收入43436.13万元，总支出54106.67万元。\n"
    "（数字以决算表为准）\n\n"
    "险种\t收入\t支出\n失业保险基金\t600.50\t120\n\n"
    "二、失业保险基金\n\n"
    "失业保险基金收入600.50万元，参保人数3,120人。  "
)
QUOTE_TOTAL = "2020年，岳普湖县社会保险基金总收入43436.13万元，总支出54106.67万元。"
QUOTE_UNEMPLOYMENT = "失业保险基金收入600.50万元，参保人数3,120人。"


def report(**changes: Any) -> ReportRecord:
    """The county's 决算说明 with three facts (two of the total, one of 失业保险)."""
    data: dict[str, Any] = {
        "title": TITLE,
        "region": "岳普湖县",
        "year": 2020,
        "text": TEXT,
        "facts": [
            Fact(
                subject="total",
                metric="income",
                value=Decimal("43436.13"),
                unit="万元",
                quote=QUOTE_TOTAL,
            ),
            Fact(
                subject="total",
                metric="expenditure",
                value=Decimal("54106.67"),
                unit="万元",
                quote=QUOTE_TOTAL,
            ),
            Fact(
                subject="unemployment",
                metric="income",
                value=Decimal("600.50"),
                unit="万元",
                quote=QUOTE_UNEMPLOYMENT,
            ),
        ],
    }
    data.update(changes)
    return ReportRecord(**data)


class _Form(HTMLParser):
    """The fields of ``form#record-form`` as a browser submits them, in document order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fields: list[tuple[str, str]] = []
        self.in_form = False
        self.template_depth = 0
        self.select: str | None = None
        self.options: list[tuple[str, bool]] = []
        self.option: list[str] | None = None
        self.option_attrs: dict[str, str | None] = {}
        self.textarea: str | None = None
        self.textarea_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "form" and a.get("id") == "record-form":
            self.in_form = True
        if not self.in_form:
            return
        if tag == "template":
            self.template_depth += 1
        if self.template_depth:
            return
        if tag == "input" and a.get("name"):
            self.fields.append((a["name"] or "", a.get("value") or ""))
        elif tag == "select":
            self.select, self.options = a.get("name"), []
        elif tag == "option" and self.select is not None:
            self.option, self.option_attrs = [], a
        elif tag == "textarea":
            self.textarea, self.textarea_text = a.get("name"), []

    def handle_data(self, data: str) -> None:
        if self.option is not None:
            self.option.append(data)
        if self.textarea is not None:
            self.textarea_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if not self.in_form:
            return
        if tag == "template":
            self.template_depth -= 1
        elif tag == "form":
            self.in_form = False
        if self.template_depth:
            return
        if tag == "option" and self.option is not None:
            value = self.option_attrs.get("value")
            self.options.append(
                ("".join(self.option) if value is None else value, "selected" in self.option_attrs)
            )
            self.option = None
        elif tag == "select" and self.select is not None:
            chosen = [v for v, selected in self.options if selected] or [self.options[0][0]]
            self.fields.append((self.select, chosen[-1]))
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            text = "".join(self.textarea_text)
            text = text[1:] if text.startswith("\n") else text  # the HTML parser drops it
            self.fields.append((self.textarea, text.replace("\n", "\r\n")))  # as submitted
            self.textarea = None


def browser_form(html: str) -> dict[str, list[str]]:
    """The form's fields by name, each with its values in document order."""
    parser = _Form()
    parser.feed(html)
    fields: dict[str, list[str]] = {}
    for name, value in parser.fields:
        fields.setdefault(name, []).append(value)
    return fields


def fact_rows(fields: dict[str, list[str]]) -> list[dict[str, str]]:
    columns = ("subject", "metric", "value", "unit", "quote")
    count = len(fields.get("fact.subject", []))
    return [{c: fields[f"fact.{c}"][i] for c in columns} for i in range(count)]


def with_facts(fields: dict[str, list[str]], rows: list[dict[str, str]]) -> dict[str, Any]:
    """The posted form with its fact table replaced by ``rows``."""
    data: dict[str, Any] = {k: v for k, v in fields.items() if not k.startswith("fact.")}
    for column in ("subject", "metric", "value", "unit", "quote"):
        data[f"fact.{column}"] = [row[column] for row in rows]
    return data


def stored_id(response: Any) -> int:
    assert response.status_code == 302, response.content.decode()[:2000]
    match = re.fullmatch(r"/records/(\d+)/", response["Location"])
    assert match, response["Location"]
    return int(match.group(1))


def cells(html: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/json" id="cells-data">(.*?)</script>', html, re.S)
    assert match, "the live panel carries the cells data"
    return json.loads(match.group(1))["cells"]  # type: ignore[no-any-return]


def cell_html(html: str, path: str) -> str:
    """The form's ``<td>`` for a record-format path."""
    match = re.search(
        rf'<td data-col="\w+" data-path="{re.escape(path)}"[^>]*>.*?</td>', html, re.S
    )
    assert match, f"no cell for {path}"
    return match.group(0)


def test_new_record_page_offers_report(world: Any, client: Any) -> None:
    client.force_login(world.yph_editor)
    page = client.get("/records/new/").content.decode()
    assert re.search(r'<option value="report"\s*>报告</option>', page)


def test_report_form_has_header_text_and_fact_table(world: Any, client: Any) -> None:
    client.force_login(world.yph_editor)
    response = client.get(f"/records/new/?kind=report&unit={world.yph_si.pk}")
    assert response.status_code == 200
    page = response.content.decode()
    assert "新建报告" in page
    fields = browser_form(page)
    assert fields["_kind"] == ["report"] and fields["region"] == ["岳普湖县"]
    for name in ("title", "year", "fund", "text"):
        assert name in fields
    assert "unit" not in fields and "project" not in fields  # a report has no project header
    assert fields["text"] == [""] and "fact.value" not in fields  # no fact rows yet
    assert 'id="report-text"' in page
    # the new-row template offers the subjects, metrics and units in Chinese
    template = page[page.index('<template id="fact-row-template">') :]
    template = template[: template.index("</template>")]
    for code, label in (
        ("total", "总体"),
        ("enterprise_pension", "企业职工基本养老保险"),
        ("unemployment", "失业保险"),
        ("maternity", "生育保险"),
    ):
        assert f'<option value="{code}">{label}</option>' in template
    for code, label in (
        ("income", "收入"),
        ("expenditure", "支出"),
        ("balance", "结余"),
        ("closing_balance", "年末累计结余"),
        ("planned", "预算数"),
        ("executed", "执行数"),
        ("execution_rate_pct", "预算执行率"),
        ("insured", "参保人数"),
        ("beneficiaries", "享受待遇人数"),
    ):
        assert f'<option value="{code}">{label}</option>' in template
    for unit in ("万元", "亿元", "元", "%", "人", "人次"):
        assert f'<option value="{unit}">{unit}</option>' in template
    assert 'data-template="fact-row-template"' in page and "添加数字" in page


def test_create_report_through_the_form(world: Any, client: Any) -> None:
    client.force_login(world.yph_editor)
    typed = TEXT.replace("\n", "\r\n")  # a browser posts a text area's line ends as CRLF
    response = client.post(
        "/records/new/",
        {
            "_kind": "report",
            "_unit": str(world.yph_si.pk),
            "title": TITLE,
            "region": "岳普湖县",
            "year": "2020",
            "fund": "",
            "money_unit": "",
            "text": typed,
            "fact.subject": ["total", "", "unemployment"],
            "fact.metric": ["income", "", "insured"],
            "fact.value": ["43,436.13", "", "3120"],
            "fact.unit": ["万元", "", "人"],
            "fact.quote": [QUOTE_TOTAL, "", QUOTE_UNEMPLOYMENT],
        },
    )
    stored = StoredRecord.objects.get(pk=stored_id(response))
    assert (stored.kind, stored.unit, stored.year, stored.version) == (
        "report",
        world.yph_si,
        2020,
        1,
    )
    assert stored.status == "draft" and stored.title == TITLE
    record = stored.record
    assert isinstance(record, ReportRecord)
    assert record.text == TEXT  # leading full-width spaces, tabs and the trailing spaces kept
    assert record.fund is None and record.region == "岳普湖县"
    assert [f.model_dump() for f in record.facts] == [
        {
            "subject": "total",
            "metric": "income",
            "value": Decimal("43436.13"),
            "unit": "万元",
            "quote": QUOTE_TOTAL,
        },
        {
            "subject": "unemployment",
            "metric": "insured",
            "value": Decimal("3120"),
            "unit": "人",
            "quote": QUOTE_UNEMPLOYMENT,
        },
    ]
    assert stored.versions.get().note == "网页新建"


def test_edit_report_saves_a_new_version_and_round_trips(
    world: Any, make_record: Any, client: Any
) -> None:
    stored = make_record(world.yph_si, report())
    client.force_login(world.yph_editor)
    detail = client.get(f"/records/{stored.pk}/").content.decode()
    assert f'href="/records/{stored.pk}/edit/"' in detail
    page = client.get(f"/records/{stored.pk}/edit/")
    assert page.status_code == 200
    fields = browser_form(page.content.decode())
    assert fields["_version"] == ["1"] and fields["title"] == [TITLE] and fields["year"] == ["2020"]
    assert fields["text"] == [TEXT.replace("\n", "\r\n")]
    rows = fact_rows(fields)
    assert rows == [
        {
            "subject": "total",
            "metric": "income",
            "value": "43436.13",
            "unit": "万元",
            "quote": QUOTE_TOTAL,
        },
        {
            "subject": "total",
            "metric": "expenditure",
            "value": "54106.67",
            "unit": "万元",
            "quote": QUOTE_TOTAL,
        },
        {
            "subject": "unemployment",
            "metric": "income",
            "value": "600.50",
            "unit": "万元",
            "quote": QUOTE_UNEMPLOYMENT,
        },
    ]
    # remove the total's 支出, add the 失业保险 参保人数, change the text; save
    added = {
        "subject": "unemployment",
        "metric": "insured",
        "value": "3120",
        "unit": "人",
        "quote": QUOTE_UNEMPLOYMENT,
    }
    new_text = TEXT + "\n\n三、其他说明\n\n无<b>标记</b> & “引号”。\n"
    data = with_facts(fields, [rows[0], rows[2], added])
    data["text"] = new_text.replace("\n", "\r\n")
    data["_note"] = "补充参保人数"
    response = client.post(f"/records/{stored.pk}/edit/", data)
    assert stored_id(response) == stored.pk
    stored.refresh_from_db()
    assert stored.version == 2 and stored.versions.count() == 2
    record = stored.record
    assert isinstance(record, ReportRecord)
    assert record.text == new_text
    assert [(f.subject, f.metric, f.value, f.unit, f.quote) for f in record.facts] == [
        ("total", "income", Decimal("43436.13"), "万元", QUOTE_TOTAL),
        ("unemployment", "income", Decimal("600.50"), "万元", QUOTE_UNEMPLOYMENT),
        ("unemployment", "insured", Decimal("3120"), "人", QUOTE_UNEMPLOYMENT),
    ]
    # printed precision kept in the stored JSON (600.50, not 600.5)
    assert loads(stored.data)["facts"][1]["value"] == Decimal("600.50")
    assert str(loads(stored.data)["facts"][1]["value"]) == "600.50"
    version = stored.versions.get(number=2)
    assert version.note == "补充参保人数"
    changed = {c["field"] for c in version.changes}
    assert {"text", "facts[1].metric", "facts[2].metric", "facts[2].value"} <= changed
    # version 1 is kept as it was
    old = loads(stored.versions.get(number=1).data)
    assert old["text"] == TEXT and [f["metric"] for f in old["facts"]] == [
        "income",
        "expenditure",
        "income",
    ]
    # the form shows exactly what was saved; saving it unchanged changes nothing in the data
    again = browser_form(client.get(f"/records/{stored.pk}/edit/").content.decode())
    assert again["_version"] == ["2"] and again["text"] == [new_text.replace("\n", "\r\n")]
    assert fact_rows(again) == [rows[0], rows[2], added]
    response = client.post(f"/records/{stored.pk}/edit/", again)
    stored_id(response)
    stored.refresh_from_db()
    assert stored.version == 3
    assert stored.versions.get(number=3).changes == []
    assert stored.versions.get(number=3).data == stored.versions.get(number=2).data


def test_empty_fact_rows_are_left_out_and_all_removed_saves_none(
    world: Any, make_record: Any, client: Any
) -> None:
    stored = make_record(world.yph_si, report())
    client.force_login(world.yph_editor)
    fields = browser_form(client.get(f"/records/{stored.pk}/edit/").content.decode())
    blank = dict.fromkeys(("subject", "metric", "value", "unit", "quote"), "")
    response = client.post(f"/records/{stored.pk}/edit/", with_facts(fields, [blank, blank]))
    stored_id(response)
    stored.refresh_from_db()
    assert stored.version == 2 and stored.record.facts == [] and stored.record.text == TEXT


def test_bad_fact_value_is_reported_beside_its_cell_and_not_saved(
    world: Any, make_record: Any, client: Any
) -> None:
    stored = make_record(world.yph_si, report())
    client.force_login(world.yph_editor)
    fields = browser_form(client.get(f"/records/{stored.pk}/edit/").content.decode())
    rows = fact_rows(fields)
    rows[1] = dict(rows[1], value="五万四千")
    rows.append(dict(rows[2], metric="insured", value="", unit="人"))  # a row without its value
    data = with_facts(fields, rows)
    data["text"] = "改过的正文"
    response = client.post(f"/records/{stored.pk}/edit/", data)
    assert response.status_code == 422
    page = response.content.decode()
    # beside the cell, with the value as typed
    bad = cell_html(page, "facts[1].value")
    assert "has-error" in bad and "“五万四千”不是数字" in bad and 'value="五万四千"' in bad
    missing = cell_html(page, "facts[3].value")
    assert "has-error" in missing and "请填写数值" in missing
    assert "has-error" not in cell_html(page, "facts[0].value")
    # and in the list above the form, named as a person would
    errors = page[page.index('id="form-errors"') :]
    errors = errors[: errors.index("</ul>")]
    assert "文中数字“总体 支出” 数值：“五万四千”不是数字" in errors
    assert "文中数字“失业保险 参保人数” 数值：请填写数值" in errors
    # the rest of the form as typed, still based on version 1
    again = browser_form(page)
    assert again["text"] == ["改过的正文"] and again["_version"] == ["1"]
    assert len(fact_rows(again)) == 4
    stored.refresh_from_db()
    assert stored.version == 1 and stored.record.text == TEXT and len(stored.record.facts) == 3
    # the live panel places the same message beside the cell while the user types
    live = client.post("/records/compute/", data)
    assert live.status_code == 200
    payload = cells(live.content.decode())
    assert payload["facts[1].value"]["severity"] == "error"
    assert payload["facts[1].value"]["messages"][0]["short"] == "“五万四千”不是数字"
    # a new report with a bad value is not created either
    count = StoredRecord.objects.count()
    create = with_facts(fields, rows)
    create.update({"_kind": "report", "_unit": str(world.yph_si.pk)})
    del create["_record"], create["_version"]
    refused = client.post("/records/new/", create)
    assert refused.status_code == 422 and "“五万四千”不是数字" in refused.content.decode()
    assert StoredRecord.objects.count() == count


def test_live_panel_checks_the_facts_as_typed(world: Any, make_record: Any, client: Any) -> None:
    """预算 200万元, 支出 150万元 and 完成预算的80% in one sentence: 150 ÷ 200 = 75%, so the stated
    rate is flagged (JX101) beside its cell, with the computed rate."""
    quote = "失业保险基金预算支出200万元，支出150万元，完成预算的80%。"
    stored = make_record(world.yph_si, report())
    client.force_login(world.yph_editor)
    fields = browser_form(client.get(f"/records/{stored.pk}/edit/").content.decode())

    def fact(metric: str, value: str, unit: str) -> dict[str, str]:
        return {
            "subject": "unemployment",
            "metric": metric,
            "value": value,
            "unit": unit,
            "quote": quote,
        }

    rows = [fact("planned", "200", "万元"), fact("executed", "150", "万元")]
    response = client.post(
        "/records/compute/", with_facts(fields, [*rows, fact("execution_rate_pct", "80", "%")])
    )
    rate = cells(response.content.decode())["facts[2].value"]
    assert rate["severity"] == "error" and rate["computed"].startswith("75")
    assert any(m["short"].startswith("JX101") for m in rate["messages"])
    right = client.post(
        "/records/compute/", with_facts(fields, [*rows, fact("execution_rate_pct", "75", "%")])
    )
    assert cells(right.content.decode()).get("facts[2].value", {}).get("severity", "") == ""


def test_concurrent_report_edit_shows_both_versions(
    world: Any, make_record: Any, client: Any
) -> None:
    stored = make_record(world.yph_si, report())
    client.force_login(world.yph_editor)
    fields = browser_form(client.get(f"/records/{stored.pk}/edit/").content.decode())
    first = client.post(f"/records/{stored.pk}/edit/", dict(fields, text="第一人的正文"))
    assert first.status_code == 302
    second = client.post(f"/records/{stored.pk}/edit/", dict(fields, text="第二人的正文"))
    assert second.status_code == 409
    page = second.content.decode()
    assert "保存冲突" in page and "第一人的正文" in page and "第二人的正文" in page
    assert "<td>正文<div" in page
    stored.refresh_from_db()
    assert stored.version == 2 and stored.record.text == "第一人的正文"


@pytest.mark.parametrize("user", ["sl_editor", "kashi_viewer", "kashi_reviewer", "nobody"])
def test_user_without_rights_on_the_unit_is_refused_as_for_tables(
    user: str, world: Any, make_record: Any, monitoring_record: Any, client: Any
) -> None:
    """Whatever a user may not do with a table of the unit, they may not do with its report,
    and the answer is the same (404 outside their view, 403 for an action their role lacks)."""
    table = make_record(world.yph_si, monitoring_record())
    stored = make_record(world.yph_si, report())
    client.force_login(world.yph_editor)  # the form as the unit's editor has it
    editor_fields = browser_form(client.get(f"/records/{stored.pk}/edit/").content.decode())
    client.force_login(getattr(world, user))

    def answers(pk: int, kind: str, data: dict[str, Any]) -> tuple[int, ...]:
        return (
            client.get(f"/records/{pk}/edit/").status_code,
            client.post(f"/records/{pk}/edit/", data).status_code,
            client.get(f"/records/new/?kind={kind}&unit={world.yph_si.pk}").status_code,
            client.post(
                "/records/new/", dict(data, _kind=kind, _unit=str(world.yph_si.pk))
            ).status_code,
        )

    count = StoredRecord.objects.count()
    changed = dict(editor_fields, text="不应保存")
    report_answers = answers(stored.pk, "report", changed)
    table_answers = answers(table.pk, "monitoring", {"_version": "1", "title": "不应保存"})
    assert report_answers == table_answers
    edit_get = {"sl_editor": 404, "nobody": 404, "kashi_viewer": 403, "kashi_reviewer": 403}[user]
    assert report_answers[0] == report_answers[1] == edit_get
    assert report_answers[2] in (403, 404) and report_answers[3] in (403, 404)
    stored.refresh_from_db()
    assert stored.version == 1 and stored.record.text == TEXT
    assert StoredRecord.objects.count() == count


def test_approved_report_cannot_be_edited(world: Any, make_record: Any, client: Any) -> None:
    from jixiao.web.records import workflow

    stored = workflow.approve(
        world.kashi_reviewer, workflow.submit(world.yph_editor, make_record(world.yph_si, report()))
    )
    client.force_login(world.yph_editor)
    assert (
        f'href="/records/{stored.pk}/edit/"'
        not in client.get(f"/records/{stored.pk}/").content.decode()
    )
    assert client.get(f"/records/{stored.pk}/edit/").status_code == 409
    assert client.post(f"/records/{stored.pk}/edit/", {"_version": "3"}).status_code == 409


def test_readonly_page_shows_text_and_facts(world: Any, make_record: Any, client: Any) -> None:
    stored = make_record(world.yph_si, report())
    client.force_login(world.kashi_viewer)
    page = client.get(f"/records/{stored.pk}/").content.decode()
    body = page[page.index('<div class="report-text">') :]
    assert "<p>一、总体情况</p>" in body
    assert (
        "<p>　　2020年，岳普湖县社会保险基金总收入43436.13万元，总支出54106.67万元。<br>"
        "（数字以决算表为准）</p>"
    ) in body
    assert (
        '<table class="list compact report-table"><tr><td>险种</td><td>收入</td><td>支出</td></tr>'
        "<tr><td>失业保险基金</td><td>600.50</td><td>120</td></tr></table>"
    ) in body
    facts = page[page.index('id="fact-table"') :]
    facts = facts[: facts.index("</table>")]
    rows = [
        [re.sub(r"<[^>]+>", "", td).strip() for td in re.findall(r"<td.*?</td>", tr, re.S)]
        for tr in re.findall(r"<tr>.*?</tr>", facts[facts.index("<tbody>") :], re.S)
    ]
    assert rows == [
        ["总体", "收入", "43436.13", "万元", QUOTE_TOTAL],
        ["总体", "支出", "54106.67", "万元", QUOTE_TOTAL],
        ["失业保险", "收入", "600.50", "万元", QUOTE_UNEMPLOYMENT],
    ]
    assert f'href="/records/{stored.pk}/edit/"' not in page  # a viewer cannot edit
    # an old version's page shows its text and facts too
    version = client.get(f"/records/{stored.pk}/versions/1/").content.decode()
    assert "一、总体情况" in version and "43436.13" in version and "失业保险" in version
