"""End to end in Debian's Chromium (Playwright): import, edit with live figures, submit blocked
by errors, explain, submit, return with a comment, correct, resubmit, approve, read-only.

The server is the real ``jixiao serve`` on a fresh SQLite database made by ``jixiao demo
--no-serve`` (no seed documents loaded, so the editor imports seed 000 in the browser).
Screenshots of every step go to ``test-artifacts/web/``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from jixiao.web.demo import seeds_directory

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
PASSWORD = "browser-test-pass"
SEEDS = seeds_directory()
SEED_000 = next(iter(sorted(SEEDS.glob("000_*.txt"))), None) if SEEDS else None

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed"),
    pytest.mark.skipif(SEED_000 is None, reason="seed 000 is not beside the repository"),
]

CLI = [sys.executable, "-c", "from jixiao.cli import main; main()"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("browser-data")
    empty = tmp_path_factory.mktemp("no-seeds")
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "JIXIAO_"))
    }
    env.update(
        {"JIXIAO_DATA_DIR": str(data), "JIXIAO_DEMO_PASSWORD": PASSWORD, "JIXIAO_SEEDS": str(empty)}
    )
    subprocess.run(
        [*CLI, "demo", "--no-serve"], env=env, check=True, capture_output=True, timeout=120
    )
    port = _free_port()
    log = (data / "server.log").open("w")
    process = subprocess.Popen(
        [*CLI, "serve", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("jixiao serve did not start")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class Session:
    """One person at the browser; ``shot`` keeps a numbered screenshot of the page."""

    counter = 0

    def __init__(self, browser: Any, base: str, username: str) -> None:
        self.base = base
        self.context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="zh-CN")
        self.page = self.context.new_page()
        self.page.set_default_timeout(15000)
        self.page.goto(f"{base}/login/")
        self.page.fill("input[name=username]", username)
        self.page.fill("input[name=password]", PASSWORD)
        self.page.click("button[type=submit]")
        self.page.wait_for_url(f"{base}/")

    def shot(self, name: str) -> None:
        Session.counter += 1
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(
            path=str(ARTIFACTS / f"{Session.counter:02d}-{name}.png"), full_page=True
        )

    def close(self) -> None:
        self.context.close()


def _rate_cell(page: Any) -> Any:
    return page.locator('td[data-path="budget.execution_rate_pct"]')


def test_review_cycle(server: str, browser: Any) -> None:
    assert SEED_000 is not None
    editor = Session(browser, server, "yph-editor")
    page = editor.page
    editor.shot("editor-home")

    # import seed 000: preview with findings, then save as drafts of the matched units
    page.click("text=导入")
    page.set_input_files("input[name=files]", str(SEED_000))
    page.click("button:has-text('读取')")
    page.wait_for_selector("#import-form")
    assert page.locator("select[name^='unit:'] option[selected]").count() == 4
    editor.shot("import-preview")
    page.click("#import-save")
    page.wait_for_url(f"{server}/")

    # open the 城乡居民基本养老保险 monitoring record
    page.goto(f"{server}/records/?kind=monitoring&q=城乡居民基本养老保险")
    page.click("#record-table a:has-text('城乡居民基本养老保险')")
    record_url = page.url
    assert "/records/" in record_url
    page.click("a:has-text('编辑')")
    page.wait_for_selector("#record-form")
    assert "50.01" in _rate_cell(page).locator(".calc").inner_text()
    editor.shot("edit-form")
    # at 1366×768 every indicator text shows whole (long 三级指标 names wrap, none is cut)
    cut = page.evaluate(
        """() => Array.from(document.querySelectorAll(
            '#indicator-table input[type=text], #indicator-table textarea'))
          .filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
          .map(e => e.value)"""
    )
    assert cut == []
    assert "基本养老保险收入预算执行率" in page.locator("#indicator-table").inner_text() or any(
        "基本养老保险收入预算执行率" in v
        for v in page.eval_on_selector_all(
            "#indicator-table [name='ind.name']", "els => els.map(e => e.value)"
        )
    )

    # change 执行数: the computed 预算执行率 follows, the printed one is flagged (JX101)
    page.fill("input[name='budget.executed.total']", "2000.00")
    page.wait_for_function(
        "document.querySelector('td[data-path=\"budget.execution_rate_pct\"] .calc').textContent.includes('69.22')"
    )
    assert "has-error" in (_rate_cell(page).get_attribute("class") or "")
    assert "JX101" in _rate_cell(page).inner_text()
    editor.shot("rate-recomputed")

    # the indicator grid: add a row (its target is read as typed), move it up, remove it
    rows = page.locator("#indicator-table tbody tr")
    count = rows.count()
    page.click("button[data-row-action=add]")
    assert rows.count() == count + 1
    new_row = rows.nth(count)
    new_row.locator("[name='ind.name']").fill("测试指标")
    new_row.locator("[name='ind.target']").fill("≥90%")
    page.wait_for_function(
        f"document.querySelectorAll('#indicator-table tbody tr')[{count}]"
        ".querySelector('.reading').textContent.includes('≥90%')"
    )
    new_row.locator("button[data-row-action=up]").click()
    assert rows.nth(count - 1).locator("[name='ind.name']").input_value() == "测试指标"
    rows.nth(count - 1).locator("button[data-row-action=remove]").click()
    assert rows.count() == count
    page.click("#save-button")
    page.wait_for_url(record_url)

    # submitting is stopped by the errors until each is explained
    page.click("a:has-text('提交审核')")
    page.click("#submit-form button[type=submit]")
    page.wait_for_selector("text=请说明此错误")
    editor.shot("submit-blocked")
    explanations = page.locator("textarea[name^='explain:']")
    assert explanations.count() >= 1
    for i in range(explanations.count()):
        explanations.nth(i).fill("已核对：按财政拨款口径填报，见附件说明。")
    page.click("#submit-form button[type=submit]")
    page.wait_for_url(record_url)
    assert page.locator("h1 .status").inner_text() == "已提交"
    editor.shot("submitted")

    # the reviewer returns it with a comment
    reviewer = Session(browser, server, "kashi-reviewer")
    assert (
        "城乡居民基本养老保险"
        in reviewer.page.locator(".card:has-text('待审核')").first.inner_text()
    )
    reviewer.page.goto(record_url)
    reviewer.page.fill(
        "form[action$='/return/'] input[name=comment]", "执行数与财政拨款不符，请更正。"
    )
    reviewer.page.click("form[action$='/return/'] button")
    reviewer.page.wait_for_selector("h1 .status-returned")
    reviewer.shot("returned")

    # the editor sees the comment, corrects and resubmits
    page.goto(record_url)
    assert "执行数与财政拨款不符" in page.content()
    editor.shot("editor-sees-comment")
    page.click("a:has-text('编辑')")
    page.fill("input[name='budget.executed.total']", "1445.00")
    page.wait_for_function(
        "document.querySelector('td[data-path=\"budget.execution_rate_pct\"] .calc').textContent.includes('50.01')"
    )
    assert "has-error" not in (_rate_cell(page).get_attribute("class") or "")
    page.click("#save-button")
    page.wait_for_url(record_url)
    page.click("a:has-text('提交审核')")
    explanations = page.locator("textarea[name^='explain:']")
    for i in range(explanations.count()):
        if not explanations.nth(i).input_value().strip():
            explanations.nth(i).fill("已核对，口径说明见附件。")
    page.click("#submit-form button[type=submit]")
    page.wait_for_url(record_url)
    assert page.locator("h1 .status").inner_text() == "已提交"
    editor.shot("resubmitted")

    # the reviewer approves
    reviewer.page.goto(record_url)
    reviewer.page.click("form[action$='/approve/'] button")
    reviewer.page.wait_for_selector("h1 .status-approved")
    reviewer.shot("approved")

    # approved: read-only for the editor
    page.goto(record_url)
    assert page.locator("a:has-text('编辑')").count() == 0
    assert "已审核，只读" in page.content()
    editor.shot("read-only")
    response = page.goto(record_url + "edit/")
    assert response is not None and response.status == 409
    editor.shot("edit-refused")
    page.goto(record_url + "history/")
    history = page.locator("#history-table").inner_text()
    for event in ("新建", "保存", "提交", "退回", "审核通过"):
        assert event in history
    editor.shot("history")
    reviewer.close()
    editor.close()
