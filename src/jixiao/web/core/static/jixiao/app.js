// Indicator grid: add, remove and reorder rows. Row inputs carry the same names in every row,
// so the posted order is the table order; no renumbering is needed.
document.addEventListener("click", function (event) {
  const button = event.target.closest("[data-row-action]");
  if (!button) return;
  event.preventDefault();
  const action = button.dataset.rowAction;
  const form = button.closest("form"); // before the row (and the button in it) is removed
  if (action === "add") {
    const table = document.getElementById(button.dataset.table);
    const template = document.getElementById(button.dataset.template);
    const row = template.content.firstElementChild.cloneNode(true);
    table.tBodies[0].appendChild(row);
    if (window.htmx) window.htmx.process(row);
    jixiaoFitAll(row);
    const first = row.querySelector("input");
    if (first) first.focus();
  } else {
    const row = button.closest("tr");
    if (action === "remove") row.remove();
    if (action === "up" && row.previousElementSibling) row.parentNode.insertBefore(row, row.previousElementSibling);
    if (action === "down" && row.nextElementSibling) row.parentNode.insertBefore(row.nextElementSibling, row);
  }
  if (form) form.dispatchEvent(new Event("recompute", { bubbles: true }));
});

// Live form: after each recompute the server sends, per record-format path, the computed value
// and the findings; place them in the cells. Indicator paths (indicators[i].col) address the
// i-th row of the indicator grid in its current order.
// Fully blank rows are not part of the record, as on the server.
function jixiaoIndicatorRows(form) {
  const body = form.querySelector("#indicator-table tbody");
  if (!body) return [];
  return Array.from(body.rows).filter(function (row) {
    return Array.from(row.querySelectorAll("input, textarea")).some(function (input) { return input.value.trim() !== ""; });
  });
}

function jixiaoCell(form, path) {
  const m = /^indicators\[(\d+)\]\.(\w+)$/.exec(path);
  if (m) {
    const row = jixiaoIndicatorRows(form)[Number(m[1])];
    return row ? row.querySelector('td[data-col="' + m[2] + '"]') : null;
  }
  return form.querySelector('td[data-path="' + CSS.escape(path) + '"]');
}

function jixiaoApplyCells(form) {
  const script = document.getElementById("cells-data");
  if (!form || !script) return;
  const payload = JSON.parse(script.textContent);
  form.querySelectorAll("td.has-error, td.has-warning, td.has-info").forEach(function (td) {
    td.classList.remove("has-error", "has-warning", "has-info");
  });
  form.querySelectorAll("td .calc").forEach(function (el) { el.textContent = ""; });
  form.querySelectorAll("td .cell-msgs").forEach(function (el) { el.textContent = ""; });
  Object.entries(payload.cells || {}).forEach(function ([path, cell]) {
    const td = jixiaoCell(form, path);
    if (!td) return;
    if (cell.severity) td.classList.add("has-" + cell.severity);
    const calc = td.querySelector(".calc");
    if (calc && cell.computed !== null && cell.computed !== undefined) {
      calc.textContent = "计算 ";
      const b = document.createElement("b");
      b.textContent = cell.computed;
      calc.appendChild(b);
    }
    const msgs = td.querySelector(".cell-msgs");
    if (msgs) {
      (cell.messages || []).forEach(function (message) {
        const div = document.createElement("div");
        div.className = "cell-findings " + (cell.severity || "");
        div.textContent = message.short;
        div.title = message.full;
        msgs.appendChild(div);
      });
    }
  });
  const rows = jixiaoIndicatorRows(form);
  if (rows.length) {
    (payload.readings || []).forEach(function (reading, i) {
      const row = rows[i];
      const span = row ? row.querySelector('td[data-col="target"] .reading') : null;
      if (span) { span.textContent = reading.text; span.className = "reading " + reading.kind; }
    });
  }
}

document.addEventListener("htmx:afterSwap", function (event) {
  if (event.detail.target && event.detail.target.id === "live-panel") {
    jixiaoApplyCells(document.getElementById("record-form"));
  }
});

// Indicator texts (三级指标, 指标值, 完成值, 说明) are one-line textareas that wrap and grow with
// their text, so a long name shows whole; Enter does not break a cell's text into lines.
function jixiaoFit(area) {
  area.style.height = "auto";
  area.style.height = area.scrollHeight + 2 + "px";
}
function jixiaoFitAll(root) {
  (root || document).querySelectorAll("textarea.cell-text").forEach(jixiaoFit);
}
document.addEventListener("input", function (event) {
  if (event.target.matches && event.target.matches("textarea.cell-text")) jixiaoFit(event.target);
});
document.addEventListener("keydown", function (event) {
  if (event.key === "Enter" && event.target.matches && event.target.matches("textarea.cell-text")) {
    event.preventDefault();
  }
});
document.addEventListener("DOMContentLoaded", function () { jixiaoFitAll(document); });
window.addEventListener("resize", function () { jixiaoFitAll(document); });
