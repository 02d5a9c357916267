"""The model's attribute-ruler rules (tag → POS, morphology, exceptions) applied by table lookup.

spaCy's `AttributeRuler` runs its ~180 rules through a `Matcher`, whose Python-level set and regex
predicates are evaluated on every token: on news text it costs as much as the parser (0.4 s of a
2.3 s parse for 156 articles, `bench/run.py`). Every rule of `en_core_web_sm` is a pattern of one
or two tokens over the attributes `TAG`, `LOWER`, `DEP` and `IS_SPACE` alone, so which rules
match a token is a function of those four values; `FastAttributeRuler` works that out once per
distinct combination (by evaluating the rules' own predicates), keeps it in a table and finds the
same matches in one pass over `Doc.to_array`. The attributes are then set by the stock ruler's own
`set_annotations`, in the stock order, so the result is the same token for token
(`tests/nlp/test_attributes.py` compares every token attribute with the stock pipeline's).

A pattern this table cannot read (another attribute, an operator such as `"OP"`, a longer
pattern) makes `FastAttributeRuler.supports` false, and the stock ruler stays in place.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc

log = logging.getLogger(__name__)

STOCK_NAME = "attribute_ruler"
FAST_NAME = "sitrep_attribute_ruler"

# The token attributes the table is keyed on, in `Doc.to_array` column order.
_COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]

Predicate = Callable[[tuple[str, str | None, str, bool]], bool]


def _value_test(value: Any) -> Callable[[Any], bool] | None:
    """A test of one attribute value as the Matcher applies it, or None if not supported."""
    if isinstance(value, (str, bool)):
        return lambda v: v == value
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op == "IN" and isinstance(arg, list):
            members = frozenset(arg)
            return lambda v: v in members
        if op == "NOT_IN" and isinstance(arg, list):
            excluded = frozenset(arg)
            return lambda v: v not in excluded
        if op == "REGEX" and isinstance(arg, str):
            regex = re.compile(arg)
            return lambda v: bool(regex.search(v))
    return None


def _token_predicate(
    spec: dict[str, Any], lower_tests: list[Callable[[Any], bool]]
) -> Predicate | None:
    """The test of one token of a pattern on (tag, lower, dep, is_space), or None.

    A lower-case form that no rule names is passed as None, which fails every `LOWER` test
    (exactly what the test itself would say of it); its tests are added to `lower_tests`.
    """
    tests: list[tuple[int, Callable[[Any], bool]]] = []
    for key, value in spec.items():
        if key not in _COLUMNS:
            return None
        test = _value_test(value)
        if test is None:
            return None
        if key == "LOWER":
            lower_tests.append(test)
            test = (lambda t: lambda v: v is not None and t(v))(test)
        tests.append((_COLUMNS.index(key), test))
    return lambda values: all(test(values[col]) for col, test in tests)


class FastAttributeRuler:
    """Finds the stock ruler's matches from a per-token table; the stock ruler sets the values."""

    def __init__(self, stock: Any):
        """`stock`: the model's `AttributeRuler` (its patterns and `set_annotations` are used)."""
        self.stock = stock
        self.strings = stock.vocab.strings
        # (rule id, match id, token predicates) for every alternative of every rule.
        self._rules: list[tuple[int, int, list[Predicate]]] = []
        self._lower_tests: list[Callable[[Any], bool]] = []
        self.supports = True  # every pattern read into the table
        rule: dict[str, Any]
        for rule_id, rule in enumerate(stock.patterns):
            match_id = self.strings[str(rule_id)]
            pattern: list[dict[str, Any]]
            for pattern in rule["patterns"]:
                predicates = [_token_predicate(spec, self._lower_tests) for spec in pattern]
                if not 1 <= len(pattern) <= 2 or any(p is None for p in predicates):
                    self.supports = False
                    continue
                self._rules.append((rule_id, match_id, predicates))  # type: ignore[arg-type]
        # Token key (the four hashes, the lower-case form -1 unless a rule names it) → the rule
        # alternatives whose first / second token it satisfies. Keyed by named forms only, the
        # table stays small however large the vocabulary grows.
        self._table: dict[tuple[int, int, int, int], tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self._named: dict[int, bool] = {}  # lower-case hash → does any LOWER test accept it

    def _key(self, row: list[int]) -> tuple[int, int, int, int]:
        tag, lower, dep, space = row
        named = self._named.get(lower)
        if named is None:
            form = self.strings[lower]
            named = self._named[lower] = any(test(form) for test in self._lower_tests)
        return (tag, lower if named else -1, dep, space)

    def _lookup(self, key: tuple[int, int, int, int]) -> tuple[tuple[int, ...], tuple[int, ...]]:
        entry = self._table.get(key)
        if entry is None:
            tag, lower, dep, space = key
            form = self.strings[lower] if lower != -1 else None
            values = (self.strings[tag], form, self.strings[dep], bool(space))
            first = tuple(i for i, (_, _, ps) in enumerate(self._rules) if ps[0](values))
            second = tuple(
                i for i, (_, _, ps) in enumerate(self._rules) if len(ps) == 2 and ps[1](values)
            )
            entry = self._table[key] = (first, second)
        return entry

    def matches(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """`AttributeRuler.match`'s matches in its order: (rule, match id, start, end)."""
        if not len(doc):
            return []
        rules = self._rules
        found = []
        keyed = [self._lookup(self._key(row)) for row in doc.to_array(_ARRAY_ATTRS).tolist()]
        for i, (first, _) in enumerate(keyed):
            for r in first:
                rule_id, match_id, predicates = rules[r]
                if len(predicates) == 1:
                    found.append((rule_id, match_id, i, i + 1))
                elif i + 1 < len(keyed) and r in keyed[i + 1][1]:
                    found.append((rule_id, match_id, i, i + 2))
        # The Matcher reports a span once even when two alternatives of a rule match it.
        return sorted(set(found))

    def __call__(self, doc: Doc) -> Doc:
        self.stock.set_annotations(doc, self.matches(doc))
        return doc


@Language.factory(FAST_NAME)
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    """The table-driven ruler over the (disabled) stock `attribute_ruler` of the same pipeline."""
    return FastAttributeRuler(nlp.get_pipe(STOCK_NAME))


def speed_up_attribute_ruler(nlp: Language) -> bool:
    """Put the table-driven ruler in the stock ruler's place (same output); False if it cannot."""
    if STOCK_NAME not in nlp.pipe_names:
        return False
    fast = FastAttributeRuler(nlp.get_pipe(STOCK_NAME))
    if not fast.supports:
        log.info("attribute_ruler has patterns the lookup table cannot read: kept as it is")
        return False
    nlp.add_pipe(FAST_NAME, after=STOCK_NAME)
    nlp.disable_pipe(STOCK_NAME)
    return True
