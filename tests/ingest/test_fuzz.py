"""Damaged documents never crash the pipeline: records or an IngestError, nothing else.

The seed documents are truncated, their lines shuffled, characters deleted,
inserted and swapped, tabs removed. ``parse_text`` must return records or raise
:class:`IngestError`; any other exception is a bug.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.ingest import IngestError, parse_text
from jixiao.records import dumps, parse_records

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
# Characters the damage inserts: structure marks, digits, units, CJK from the forms.
NOISE = (
    "\t\n |#*$<>-:：,，。%万元人年月0123456789.其中合计项目名称绩效自评表决算收入支出结余报告说明"
)

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _parses_or_refuses(text: str) -> None:
    try:
        records = parse_text(text, source="fuzz.txt")
    except IngestError as error:
        assert error.source == "fuzz.txt"
        assert error.message
        return
    # whatever is read is valid in the record format and survives JSON
    assert parse_records(dumps(records)) == records


@FUZZ
@given(st.sampled_from(TEXTS), st.data())
def test_truncated(text: str, data: st.DataObject) -> None:
    cut = data.draw(st.integers(min_value=0, max_value=len(text)))
    _parses_or_refuses(text[:cut])


@FUZZ
@given(st.sampled_from(TEXTS), st.randoms(use_true_random=False))
def test_shuffled_lines(text: str, rng: object) -> None:
    lines = text.splitlines()
    rng.shuffle(lines)  # type: ignore[attr-defined]
    _parses_or_refuses("\n".join(lines))


@st.composite
def mutated(draw: st.DrawFn) -> str:
    chars = list(draw(st.sampled_from(TEXTS)))
    for _ in range(draw(st.integers(min_value=1, max_value=40))):
        if not chars:
            break
        at = draw(st.integers(min_value=0, max_value=len(chars) - 1))
        action = draw(st.sampled_from(["delete", "insert", "swap", "delete_run"]))
        if action == "delete":
            del chars[at]
        elif action == "insert":
            chars.insert(at, draw(st.sampled_from(NOISE)))
        elif action == "swap" and at + 1 < len(chars):
            chars[at], chars[at + 1] = chars[at + 1], chars[at]
        elif action == "delete_run":
            del chars[at : at + draw(st.integers(min_value=1, max_value=200))]
    return "".join(chars)


@FUZZ
@given(mutated())
def test_mutated_characters(text: str) -> None:
    _parses_or_refuses(text)


@FUZZ
@given(st.sampled_from(TEXTS), st.data())
def test_tabs_removed(text: str, data: st.DataObject) -> None:
    lines = text.splitlines()
    chosen = data.draw(st.sets(st.integers(min_value=0, max_value=len(lines) - 1), max_size=60))
    damaged = [line.replace("\t", " " if i % 2 else "") if i in chosen else line
               for i, line in enumerate(lines)]  # fmt: skip
    _parses_or_refuses("\n".join(damaged))


@FUZZ
@given(st.text(alphabet=NOISE, max_size=400))
def test_noise(text: str) -> None:
    _parses_or_refuses(text)
