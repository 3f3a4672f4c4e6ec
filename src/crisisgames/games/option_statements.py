"""Option-prioritisation statements: parse "-2", "1 IF 3", "1|2" and score states.

In the option-prioritisation method of Fang, Hipel, Kilgour & Peng ("A decision support
system for interactive decision making, Part I: model formulation", *IEEE Trans. SMC-C*
33(1), 2003, 42-55; restated e.g. in *Int. J. Environ. Res. Public Health* 16(21), 2019,
4088, section 3.1), a decision maker lists statements about options from most to least
important.  Each statement is true or false at a state; with ``k`` statements, statement
``j`` (1 = most important) weighs ``2**(k - j)``, and a state's score is the sum of the
weights of the statements true there.  The weights make the order lexicographic: one
more important statement outweighs all the less important ones together.

Syntax (options numbered from 1, in the model's declared option order, as in the
literature):

==========  ===============================================  =========================
``3``       option 3 is taken
``-3``      option 3 is not taken
``1 & 2``   both                                             (AND)
``1 | 2``   either                                           (OR)
``1 IF 3``  option 1 is taken if option 3 is: ``3 -> 1``      (conditional)
``1 IFF 3`` option 1 is taken exactly when option 3 is        (biconditional)
==========  ===============================================  =========================

Precedence, loosest first: ``IFF``, ``IF``, ``|``, ``&``, ``-``; parentheses group.
``IF`` and ``IFF`` are case-insensitive.

Examples
--------
>>> import numpy as np
>>> taken = np.array([[False, False, True], [True, False, True], [False, True, False]])
>>> statement_truth("1 IF 3", taken).tolist()  # states: {3}, {1, 3}, {2}
[False, True, True]
>>> priority_scores(["-2", "1 | 2"], taken).tolist()
[2, 3, 1]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from crisisgames.errors import InvalidPayoffError

__all__ = ["parse_statement", "priority_scores", "statement_truth"]

_TOKEN = re.compile(r"\s*(?:(\d+)|(IFF|IF)\b|([-&|()]))", re.IGNORECASE)

Evaluator = Callable[[np.ndarray], np.ndarray]


def _tokenize(text: str) -> list[str]:
    tokens: list[str] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise InvalidPayoffError(
                f"option statement {text!r}: cannot read {text[pos:].strip()!r} "
                "(expected an option number, '-', '&', '|', 'IF', 'IFF' or parentheses)"
            )
        tokens.append((m.group(1) or m.group(2) or m.group(3)).upper())
        pos = m.end()
    if not tokens:
        raise InvalidPayoffError("an option statement is empty")
    return tokens


class _Parser:
    """Recursive descent over the tokens; builds a function of the taken-options array."""

    def __init__(self, text: str, n_options: int) -> None:
        self.text = text
        self.tokens = _tokenize(text)
        self.pos = 0
        self.n_options = n_options

    def error(self, why: str) -> InvalidPayoffError:
        return InvalidPayoffError(f"option statement {self.text!r}: {why}")

    def peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> str:
        tok = self.peek()
        if tok is None:
            raise self.error("ends too early")
        self.pos += 1
        return tok

    def parse(self) -> Evaluator:
        ev = self.iff()
        if self.peek() is not None:
            raise self.error(f"unexpected {self.peek()!r}")
        return ev

    def iff(self) -> Evaluator:
        left = self.conditional()
        while self.peek() == "IFF":
            self.take()
            right = self.conditional()
            left = (lambda a, b: lambda t: a(t) == b(t))(left, right)
        return left

    def conditional(self) -> Evaluator:
        left = self.disjunction()
        while self.peek() == "IF":
            self.take()
            right = self.disjunction()
            # "A IF B": A holds whenever B does.
            left = (lambda a, b: lambda t: a(t) | ~b(t))(left, right)
        return left

    def disjunction(self) -> Evaluator:
        left = self.conjunction()
        while self.peek() == "|":
            self.take()
            right = self.conjunction()
            left = (lambda a, b: lambda t: a(t) | b(t))(left, right)
        return left

    def conjunction(self) -> Evaluator:
        left = self.unary()
        while self.peek() == "&":
            self.take()
            right = self.unary()
            left = (lambda a, b: lambda t: a(t) & b(t))(left, right)
        return left

    def unary(self) -> Evaluator:
        tok = self.take()
        if tok == "-":
            inner = self.unary()
            return lambda t: ~inner(t)
        if tok == "(":
            inner = self.iff()
            if self.peek() != ")":
                raise self.error("missing ')'")
            self.take()
            return inner
        if tok.isdigit():
            k = int(tok)
            if not 1 <= k <= self.n_options:
                raise self.error(
                    f"option {k} does not exist (options are numbered 1 to {self.n_options})"
                )
            return lambda t: t[:, k - 1]
        raise self.error(f"unexpected {tok!r}")


def parse_statement(text: str, n_options: int) -> Evaluator:
    """Parse one statement into a function from a ``(states, options)`` boolean array.

    Raises
    ------
    InvalidPayoffError
        If the statement is malformed or names an option that does not exist.

    Examples
    --------
    >>> f = parse_statement("-(1 & 2)", 2)
    >>> f(np.array([[True, True], [True, False]])).tolist()
    [False, True]
    """
    if not isinstance(text, str):
        raise InvalidPayoffError(f"an option statement must be a string, got {text!r}")
    return _Parser(text, n_options).parse()


def statement_truth(text: str, taken: np.ndarray) -> np.ndarray:
    """Truth of one statement at each state; ``taken[s, k]`` says whether option k+1 is taken."""
    taken = np.asarray(taken, dtype=bool)
    return np.asarray(parse_statement(text, taken.shape[1])(taken), dtype=bool)


def priority_scores(statements: Sequence[str], taken: np.ndarray) -> np.ndarray:
    """Each state's score ``sum of 2**(k - j)`` over the true statements ``j = 1..k``.

    Raises
    ------
    InvalidPayoffError
        If there are no statements, more than 62 (the scores would overflow 64-bit
        integers), or one is malformed.
    """
    statements = list(statements)
    if not statements:
        raise InvalidPayoffError("option prioritisation needs at least one statement")
    if len(statements) > 62:
        raise InvalidPayoffError(f"{len(statements)} option statements: at most 62 are supported")
    k = len(statements)
    score = np.zeros(np.asarray(taken).shape[0], dtype=np.int64)
    for j, text in enumerate(statements, start=1):
        score += statement_truth(text, taken).astype(np.int64) << (k - j)
    return score
