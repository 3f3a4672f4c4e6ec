"""The settlement terms as declared data (crisisgames.models.terms)."""

from __future__ import annotations

from fractions import Fraction as F

import numpy as np
import pytest

from crisisgames.errors import UnknownLabelError
from crisisgames.models.terms import (
    ACTORS,
    ALLIANCE_COST,
    LEAK,
    TERM_KEYS,
    TERMS,
    WAR_COSTS,
    defaults,
    settlement_value,
    term,
    term_parameters,
)
from crisisgames.scenarios.base import Parameter, as_exact

PREFIXES = ("brief:", "model:", "assumption:", "recon:")


def test_the_brief_terms_are_declared() -> None:
    for key in (
        "withdrawal",
        "jupiters_turkey",
        "jupiters_italy",
        "secret_trade",
        "public_trade",
        "pledge",
        "no_reintroduction",
        "hotline",
        "verification",
    ):
        assert key in TERM_KEYS


@pytest.mark.parametrize("t", TERMS, ids=lambda t: t.key)
def test_every_term_values_every_actor_with_a_source(t) -> None:
    if t.leaks_as is not None:  # the secret trade is valued through the public one
        assert t.values == {} and t.leaks_as in TERM_KEYS
        return
    assert set(t.values) == set(ACTORS)
    for actor in ACTORS:
        p = t.parameter(actor)
        assert isinstance(p, Parameter)
        assert p.source.startswith(PREFIXES)
        # a reason, not just a label
        assert len(p.source.split(":", 1)[1].strip()) > 20


def test_shared_parameters_have_sources() -> None:
    for p in (ALLIANCE_COST, LEAK, *WAR_COSTS):
        assert p.source.startswith(PREFIXES)
    assert LEAK.kind == "probability"


def test_term_parameters_dedupes_and_keeps_order() -> None:
    names = [p.name for p in term_parameters("public_trade", "secret_trade", actors=("US", "USSR"))]
    assert names == ["alliance_cost", "public_trade_ussr", "leak"]
    # one declaration: the same object wherever it is used
    (a,) = [p for p in term_parameters("secret_trade") if p.name == "alliance_cost"]
    assert a is ALLIANCE_COST


def test_unknown_term_and_actor() -> None:
    with pytest.raises(UnknownLabelError, match="unknown term 'plegde'"):
        term("plegde")
    with pytest.raises(UnknownLabelError, match="unknown actor"):
        term_parameters("pledge", actors=("UK",))
    with pytest.raises(UnknownLabelError, match="no value"):
        term("secret_trade").parameter("US")


def test_secret_trade_is_a_public_trade_that_leaks() -> None:
    p = as_exact(defaults(term_parameters("secret_trade")))
    # alliance cost 1/5, prestige 1/5, Cuba -1/20, leak 1/10
    assert term("public_trade").value("US", p) == F(-1, 5)
    assert term("secret_trade").value("US", p) == F(-1, 50)
    assert term("secret_trade").value("USSR", p) == F(1, 50)
    assert term("secret_trade").value("Cuba", p) == F(-1, 200)
    for actor in ACTORS:
        assert term("secret_trade").value(actor, p) == p["leak"] * term("public_trade").value(
            actor, p
        )


def test_settlement_value_by_hand() -> None:
    p = as_exact(defaults(term_parameters(*TERM_KEYS)))
    everything = dict.fromkeys(TERM_KEYS, 1)
    everything["secret_trade"] = 0
    # US: 1/5 - 1/40 - 1/40 - 1/5 - 1/20 + 1/10 + 1/40 + 1/20 + 1/10 = 7/40
    assert settlement_value("US", p, everything) == F(7, 40)
    # USSR: -1/2 + 1/10 + 1/20 + 1/5 + 1/10 - 1/10 + 1/40 - 1/20 - 1/20 = -9/40
    assert settlement_value("USSR", p, everything) == F(-9, 40)
    # Cuba: -1/4 + 0 + 0 - 1/20 + 1/4 - 1/10 + 0 - 1/5 - 1/10 = -9/20
    assert settlement_value("Cuba", p, everything) == F(-9, 20)
    assert settlement_value("US", p, {}) == 0


def test_settlement_value_vectorises() -> None:
    rng = np.random.default_rng(3)
    params = term_parameters("withdrawal", "secret_trade", "pledge")
    arrays = {p.name: rng.uniform(0, 1, 50) for p in params}
    mask = {"withdrawal": 1, "secret_trade": 1, "pledge": rng.random(50) < 0.5}
    got = settlement_value("USSR", arrays, mask)
    for g in range(50):
        point = {k: float(v[g]) for k, v in arrays.items()}
        m = {k: (v[g] if isinstance(v, np.ndarray) else v) for k, v in mask.items()}
        assert got[g] == pytest.approx(settlement_value("USSR", point, m), abs=1e-12)
