"""LaTeX that OCR pipelines (MinerU, PaddleOCR, marker) write into cells → plain characters.

A small tokenizer, not a TeX engine: symbol commands become their characters,
``\\text{}``/``\\mathrm{}`` and bare braces are unwrapped, ``\\left(`` is ``(``,
``^{2}`` is ``²``, ``\\frac{a}{b}`` is ``a/b``. In math mode whitespace is
insignificant (``$1 0 0 \\%$`` is ``100%``), as TeX renders it. Unknown commands
keep their name so that nothing printed is lost.
"""

from __future__ import annotations


def _pairs(table: str) -> dict[str, str]:
    words = table.split()
    return dict(zip(words[::2], words[1::2], strict=True))


# Symbol commands and the character printed for them.
_SYMBOLS = _pairs(
    r"""
    geqslant ≥  leqslant ≤  geq ≥  leq ≤  ge ≥  le ≤  geqq ≧  leqq ≦  gg ≫  ll ≪
    gt >  lt <  textgreater >  textless <  neq ≠  ne ≠  approx ≈  equiv ≡
    times ×  div ÷  pm ±  mp ∓  sim ~  cdot ·  cdots …  ldots …  dots …  bullet •  ast *
    circ °  degree °  textdegree °  prime ′  infty ∞  to →  rightarrow →  leftarrow ←
    Rightarrow ⇒  Leftarrow ⇐  leftrightarrow ↔  uparrow ↑  downarrow ↓
    in ∈  notin ∉  cap ∩  cup ∪  subset ⊂  supset ⊃  because ∵  therefore ∴
    triangle △  checkmark ✓  surd √  permil ‰  textperthousand ‰  yen ¥  S §
    lbrace {  rbrace }  langle ⟨  rangle ⟩  vert |  lvert |  rvert |  mid |  colon :
    backslash \  alpha α  beta β  gamma γ  delta δ  Delta Δ  epsilon ε  varepsilon ε
    lambda λ  mu μ  pi π  sigma σ  Sigma Σ  omega ω  Omega Ω  phi φ  theta θ
    """
)
# Commands whose braced argument is printed as it is (text-mode ones keep spaces).
_TEXT_WRAPPERS = frozenset(
    ["text", "textrm", "textbf", "textit", "textup", "textnormal", "texttt", "mbox", "hbox", "emph"]
)
_MATH_WRAPPERS = frozenset(
    [
        "mathrm",
        "mathbf",
        "mathit",
        "mathsf",
        "mathtt",
        "mathbb",
        "mathcal",
        "boldsymbol",
        "bm",
        "operatorname",
        "rm",
        "bf",
        "it",
        "underline",
        "overline",
        "displaystyle",
        "textstyle",
        "scriptstyle",
        "mathord",
        "mathrel",
        "mathbin",
        "mathop",
        "pmb",
    ]
)
_DELIMITER_SIZES = frozenset(
    [
        "left",
        "right",
        "big",
        "Big",
        "bigg",
        "Bigg",
        "bigl",
        "bigr",
        "Bigl",
        "Bigr",
        "biggl",
        "biggr",
        "Biggl",
        "Biggr",
        "limits",
        "nolimits",
    ]
)
# Spacing commands (``\,`` ``\;`` ``\ `` ``\quad``) and the line break ``\\``.
_SPACES = frozenset([",", ";", ":", "!", " ", "\\"]) | frozenset(
    ["quad", "qquad", "enspace", "thinspace", "medspace", "thickspace", "newline"]
)
_SUPERSCRIPT = str.maketrans("0123456789+-=()n°", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿ°")
_SUBSCRIPT = str.maketrans("0123456789+-=()", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎")
_SUPERSCRIPT_CHARS = frozenset("0123456789+-=()n°")
_SUBSCRIPT_CHARS = frozenset("0123456789+-=()")
_MAX_DEPTH = 16


def latex_to_text(source: str, *, math_mode: bool = True) -> str:
    """Plain characters for a LaTeX snippet.

    ``math_mode`` is for the inside of ``$…$``; ``False`` for bare LaTeX left in
    running text, where spaces are kept and ``^``/``_``/``~`` are literal.

    >>> latex_to_text(r"\\geq 99\\%")
    '≥99%'
    >>> latex_to_text(r"\\text{万 人}\\times 1 0^{4}")
    '万 人×10⁴'
    >>> latex_to_text(r"\\left( 1 \\right.")
    '(1'
    """
    return _convert(source, math_mode, 0)


def _command(source: str, i: int) -> tuple[str, int]:
    """The command name after the backslash at ``i`` and the index after it."""
    j = i + 1
    n = len(source)
    if j >= n:
        return "", j
    if not source[j].isascii() or not source[j].isalpha():
        return source[j], j + 1
    k = j
    while k < n and source[k].isascii() and source[k].isalpha():
        k += 1
    return source[j:k], k


def _skip_spaces(source: str, i: int) -> int:
    while i < len(source) and source[i].isspace():
        i += 1
    return i


def _argument(source: str, i: int) -> tuple[str, int]:
    """The raw text of the argument starting at ``i``: a braced group, a command or a char."""
    i = _skip_spaces(source, i)
    n = len(source)
    if i >= n:
        return "", i
    if source[i] == "{":
        depth = 0
        for k in range(i, n):
            if source[k] == "{" and (k == 0 or source[k - 1] != "\\"):
                depth += 1
            elif source[k] == "}" and source[k - 1] != "\\":
                depth -= 1
                if depth == 0:
                    return source[i + 1 : k], k + 1
        return source[i + 1 :], n
    if source[i] == "\\":
        _, end = _command(source, i)
        return source[i:end], end
    return source[i], i + 1


def _script(text: str, *, superscript: bool) -> str:
    chars = _SUPERSCRIPT_CHARS if superscript else _SUBSCRIPT_CHARS
    if text and all(c in chars for c in text):
        return text.translate(_SUPERSCRIPT if superscript else _SUBSCRIPT)
    if not text:
        return ""
    return ("^" if superscript else "_") + text


def _convert(source: str, math_mode: bool, depth: int) -> str:
    out: list[str] = []
    modes = [math_mode]
    i = 0
    n = len(source)
    while i < n:
        ch = source[i]
        math = modes[-1]
        if ch == "\\":
            name, i = _command(source, i)
            i = _apply_command(source, name, i, math, depth, out, modes)
        elif ch in "^_" and math:
            raw, i = _argument(source, i + 1)
            inner = _convert(raw, math, depth + 1) if depth < _MAX_DEPTH else raw
            out.append(_script(inner, superscript=ch == "^"))
        elif ch == "{":
            modes.append(math)
            i += 1
        elif ch == "}":
            if len(modes) > 1:
                modes.pop()
            i += 1
        elif ch.isspace():
            if not math:
                out.append(ch)
            i += 1
        elif ch == "~" and math:
            out.append(" ")
            i += 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _apply_command(
    source: str, name: str, i: int, math: bool, depth: int, out: list[str], modes: list[bool]
) -> int:
    """Emit the text of command ``name`` (its arguments start at ``i``); the index after it."""
    if not name:
        return i
    if name in _TEXT_WRAPPERS or name in _MATH_WRAPPERS:
        j = _skip_spaces(source, i)
        if j < len(source) and source[j] == "{":
            modes.append(False if name in _TEXT_WRAPPERS else math)
            return j + 1
        return i
    if name in _DELIMITER_SIZES:
        j = _skip_spaces(source, i)
        return j + 1 if source[j : j + 1] == "." else j
    if name in _SPACES:
        out.append(" ")
        return i
    if name in ("hspace", "vspace", "phantom", "label"):
        _, i = _argument(source, i)
        out.append(" " if name == "hspace" else "")
        return i
    if name in ("frac", "dfrac", "tfrac", "cfrac", "sqrt"):
        if name == "sqrt" and source[_skip_spaces(source, i) : _skip_spaces(source, i) + 1] == "[":
            close = source.find("]", i)
            i = len(source) if close < 0 else close + 1
        first, i = _argument(source, i)
        a = _convert(first, math, depth + 1) if depth < _MAX_DEPTH else first
        if name == "sqrt":
            out.append("√" + a)
            return i
        second, i = _argument(source, i)
        b = _convert(second, math, depth + 1) if depth < _MAX_DEPTH else second
        out.append(f"{a}/{b}")
        return i
    symbol = _SYMBOLS.get(name)
    if symbol is not None:
        out.append(symbol)
    elif len(name) == 1 and not name.isalpha():
        out.append(name)  # an escaped character: \% \& \$ \_ \# \{ \}
    else:
        out.append(name)
    return i
