"""Regime labels: canonical (order-free), and read back by parse_regime_label."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from crisisgames.sweep import parse_regime_label, regime_label, support_label

ACTIONS = (("blockade", "air strike", "invade"), ("withdraw", "maintain"))
PLAYERS = ("US", "USSR")
# Masks with at least one action of each player (bits 0-2: US, 3-4: USSR).
MASKS = st.integers(1, 7).flatmap(lambda us: st.integers(1, 3).map(lambda su: us | su << 3))


@given(st.lists(MASKS, max_size=6), st.booleans(), st.randoms())
def test_a_label_lists_every_extreme_equilibrium_once_and_reads_back(masks, continuum, rnd):
    label = regime_label(masks, continuum, ACTIONS, PLAYERS)
    shuffled = list(masks)
    rnd.shuffle(shuffled)
    assert regime_label([*shuffled, -1, -1], continuum, ACTIONS, PLAYERS) == label
    flag, supports = parse_regime_label(label)
    assert flag == (continuum and bool(masks))
    assert supports == Counter(support_label(m, ACTIONS, PLAYERS) for m in masks)
    assert sum(supports.values()) == len(masks)


def test_a_support_shared_by_two_extreme_equilibria_is_written_once():
    # The two ends of a segment where the US blockades and the USSR mixes.
    label = regime_label([0b11001, 0b11001], True, ACTIONS, PLAYERS)
    assert label == "continuum: US: blockade; USSR: {withdraw, maintain} (x2)"
