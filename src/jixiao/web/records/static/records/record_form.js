// Record form, beside jixiao/app.js (which places computed values and findings in the table cells
// that carry a data-path).
//
// A report's fact table: each cell's data-path names its fact by its place among the rows that are
// not blank, as the server numbers them (facts[i].value), so a fact's computed value and findings
// land beside the right cell after rows are added, removed or moved. Renumbered before each swap of
// the live panel, so app.js (which places the cells after the swap) finds them.
function jixiaoNumberFacts() {
  const body = document.querySelector("#fact-table tbody");
  if (!body) return;
  let index = 0;
  Array.from(body.rows).forEach(function (row) {
    const filled = Array.from(row.querySelectorAll("input, textarea, select")).some(function (input) {
      return input.value.trim() !== "";
    });
    row.querySelectorAll("td[data-col]").forEach(function (td) {
      if (filled) td.dataset.path = "facts[" + index + "]." + td.dataset.col;
      else td.removeAttribute("data-path");
    });
    if (filled) index += 1;
  });
}

// Fields outside the tables (header, long texts, a report's text): their messages after each
// recompute, from the same cells data app.js reads.
function jixiaoApplyFields() {
  const form = document.getElementById("record-form");
  const script = document.getElementById("cells-data");
  if (!form || !script) return;
  const cells = JSON.parse(script.textContent).cells || {};
  form.querySelectorAll("[data-field]").forEach(function (field) {
    const cell = cells[field.dataset.field];
    field.classList.remove("has-error", "has-warning", "has-info");
    const msgs = field.querySelector(".field-msgs");
    if (msgs) msgs.textContent = "";
    if (!cell) return;
    if (cell.severity) field.classList.add("has-" + cell.severity);
    (cell.messages || []).forEach(function (message) {
      const span = document.createElement("span");
      span.className = "cell-findings " + (cell.severity || "");
      span.textContent = message.short;
      span.title = message.full;
      if (msgs) msgs.appendChild(span);
    });
  });
}

document.addEventListener("htmx:beforeSwap", function (event) {
  if (event.detail.target && event.detail.target.id === "live-panel") jixiaoNumberFacts();
});
document.addEventListener("htmx:afterSwap", function (event) {
  if (event.detail.target && event.detail.target.id === "live-panel") jixiaoApplyFields();
});
