"""The memo caches of the readers never change a result.

The text readers (``clean_cell``, ``label_key``, ``is_blank``, titles and footers
in :mod:`jixiao.ingest.segments`, ``parse_target``/``parse_actual`` …) keep their
recent results. Every seed, re-emitted in every text style of the parse
benchmark's document builder, must give the same records with the caches empty,
warm from the same document, and warm from other documents; the shared readings
must be immutable. The faster wrapped-text detection must agree with reading
every line's pieces, as it did before.
"""

from __future__ import annotations

import importlib.util
import random
import re
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from jixiao.expr import parse_actual, parse_target
from jixiao.ingest import IngestError, parse_text
from jixiao.ingest.wrapped import _normalized, is_wrapped_text, labels
from jixiao.ingest.wrapped.detect import (
    _MAY_HOLD_ROW,
    _enough,
    _is_table_line,
    _wrapped_label,
    looks_structured,
)
from jixiao.ingest.wrapped.pieces import iter_lines, split_cells
from jixiao.ingest.wrapped.reader import is_ledger_cells, is_ledger_line
from jixiao.records import dumps

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
FIXTURES = sorted(
    p for p in (ROOT / "tests" / "fixtures").rglob("*") if p.suffix in (".txt", ".md", ".html")
)


@cache
def _bench() -> ModuleType:
    """``benchmarks/parse_bench.py``, whose builder makes the documents."""
    spec = importlib.util.spec_from_file_location(
        "parse_bench", ROOT / "benchmarks" / "parse_bench.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("parse_bench", module)
    spec.loader.exec_module(module)
    return module


@cache
def _variants() -> list[tuple[str, str, str]]:
    """(seed, style, text): every seed varied once and written in every style."""
    bench = _bench()
    out = []
    for index, path in enumerate(SEEDS):
        seed = path.read_text(encoding="utf-8")
        for style in bench.STYLES:
            varied = bench.vary_text(seed, random.Random(index))
            out.append((path.stem, style, bench.restyle(varied, style)))
    return out


def _clear_caches() -> None:
    """Empty every cache (``functools`` and :func:`~jixiao.ingest.memo.text_memo`) in the
    jixiao modules loaded (ours and the project reader's)."""
    for name, module in list(sys.modules.items()):
        if name == "jixiao" or name.startswith("jixiao."):
            for value in list(vars(module).values()):
                if isinstance(value, type):
                    continue  # a class's method, not a cache
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()


def _read(text: str) -> str:
    try:
        return dumps(parse_text(text))
    except IngestError as error:
        return f"IngestError: {error}"


def test_every_seed_in_every_style_is_covered() -> None:
    variants = _variants()
    assert len(SEEDS) >= 5
    assert {style for _, style, _ in variants} == {"tsv", "markdown", "html", "cell_lines"}
    assert len(variants) == len(SEEDS) * 4


@pytest.mark.parametrize(
    ("seed", "style", "text"),
    [
        pytest.param(seed, style, text, id=f"{seed[:3]}-{style}")
        for seed, style, text in _variants()
    ],
)
def test_records_do_not_depend_on_the_caches(seed: str, style: str, text: str) -> None:
    _clear_caches()
    cold = _read(text)
    assert '"kind"' in cold, f"{seed} in {style} gave no record"
    assert _read(text) == cold  # warm from the same document
    for _, _, other in _variants()[:8]:
        _read(other)  # warm from other documents: shared labels, other figures
    assert _read(text) == cold


def test_shared_readings_are_immutable() -> None:
    target, actual = parse_target("≥95%"), parse_actual("96%")
    assert parse_target("≥95%") is target  # the same object is shared
    with pytest.raises(ValidationError):
        target.value = None  # type: ignore[misc]
    with pytest.raises(ValidationError):
        actual.value = None  # type: ignore[misc]


# --- wrapped-text detection: same verdict as reading every line's pieces ------------


def _evidence_line_by_line(text: str) -> bool:
    """The detection as it read documents before: every line split into pieces."""
    if looks_structured(text):
        return False
    table_lines = ledger_lines = wraps = 0
    previous = None
    for line in iter_lines(_normalized(text)):
        if previous is not None and _wrapped_label(previous.pieces[-1].text, line.pieces[0].text):
            wraps += 1
        previous = line
        table_lines += _is_table_line(line.text, [p.text for p in line.pieces])
        ledger_lines += is_ledger_line(line)
    return _enough(table_lines, ledger_lines, wraps)


def test_wrapped_detection_agrees_on_the_benchmark_styles_and_fixtures() -> None:
    texts = [text for _, _, text in _variants()]
    texts += [p.read_text(encoding="utf-8") for p in FIXTURES]
    verdicts = [is_wrapped_text(t) for t in texts]
    assert verdicts == [_evidence_line_by_line(t) for t in texts]
    assert any(verdicts) and not all(verdicts)


def _lines_of(document: str) -> list[str]:
    return [line for line in document.split("\n") if line.strip()]


_LINES = [
    line for p in FIXTURES if "wrapped" in p.parts for line in _lines_of(p.read_text("utf-8"))
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_LINES), max_size=12), st.lists(st.sampled_from(["", "\n"])))
def test_wrapped_detection_agrees_on_mixed_lines(lines: list[str], blanks: list[str]) -> None:
    text = "\n".join(lines + blanks)
    assert is_wrapped_text(text) == _evidence_line_by_line(text)


_LABEL_KEYS = sorted(
    labels.FIELD_KEYS | set(labels.COLUMN_ROLES) | labels.SECTION_KEYS | labels.LEVEL_KEYS
)
_NUMBERS = st.from_regex(r"[-+]?[0-9]{1,6}(\.[0-9]{1,2})?[%％]?", fullmatch=True)


@settings(max_examples=300, deadline=None)
@given(_NUMBERS, st.sampled_from(_LABEL_KEYS), st.sampled_from(["", "年", "人", "级"]))
def test_an_unspaced_line_without_colon_is_no_table_or_ledger_row(
    number: str, label: str, tail: str
) -> None:
    # What the detection skips: a value glued in front of a label splits in two,
    # but gives neither two labels nor a label before its values.
    for line in (number + label + tail, label + number + tail, number + tail):
        if _MAY_HOLD_ROW.match(line):
            continue
        cells = split_cells(line)
        assert not (len(cells) >= 2 and _is_table_line(line, cells))
        assert not is_ledger_cells(cells)


def test_no_label_is_a_number() -> None:
    assert not [k for k in _LABEL_KEYS if re.fullmatch(r"[-+\d.,%％]+", k)]
