"""A bounded cache for pure functions of one text whose results are plain values.

The readers ask the same questions of the same cell and line texts many times
(what is this label's key, is this cell blank, is this line a value), so the
answers are kept. :func:`functools.lru_cache` would do, but the garbage
collector walks every entry of every such cache on each full collection: with a
few dozen caches of thousands of entries that was a tenth of the parse time.
A plain :class:`dict` whose keys and values are all atomic (``str``, ``bool``,
``int``, ``Decimal``, ``None``) is not tracked by the collector at all, so
:func:`text_memo` keeps its entries in one, and empties it when it is full (the
texts of the next tables refill it).

Use it only where the result holds no container or enum member: a tuple or
model result makes the dict tracked again and the point is lost.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from typing import Any, Protocol, TypeVar, cast

__all__ = ["TEXT_CACHE_SIZE", "TextMemo", "text_memo"]

# Distinct texts whose answers are kept per function: the readers ask about the
# same cell several times, and labels repeat from table to table.
TEXT_CACHE_SIZE = 4096

Key = TypeVar("Key", bound=Hashable, contravariant=True)
Result = TypeVar("Result", covariant=True)
_MISSING: Any = object()


class TextMemo(Protocol[Key, Result]):
    """A function of one text with its answers kept (see :func:`text_memo`)."""

    def __call__(self, text: Key, /) -> Result: ...

    def cache_clear(self) -> None:
        """Forget every answer (tests compare output with and without reuse)."""


def text_memo(
    maxsize: int = TEXT_CACHE_SIZE,
) -> Callable[[Callable[[Key], Result]], TextMemo[Key, Result]]:
    """Keep the answers of a pure function of one text in an untracked dict of at most
    ``maxsize`` texts, emptied when full.

    >>> calls = []
    >>> @text_memo(maxsize=2)
    ... def double(text):
    ...     calls.append(text)
    ...     return text * 2
    >>> double("a"), double("a"), double("b"), double("c"), len(calls)
    ('aa', 'aa', 'bb', 'cc', 3)
    """

    def wrap(func: Callable[[Key], Result]) -> TextMemo[Key, Result]:
        cache: dict[Key, Result] = {}
        get = cache.get

        def memoized(text: Key) -> Result:
            value = get(text, _MISSING)
            if value is _MISSING:
                if len(cache) >= maxsize:
                    cache.clear()
                value = cache[text] = func(text)
            return value  # type: ignore[no-any-return]

        memoized.cache_clear = cache.clear  # type: ignore[attr-defined]
        return cast(TextMemo[Key, Result], functools.update_wrapper(memoized, func))

    return wrap
