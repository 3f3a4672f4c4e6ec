"""Zagare & Kilgour's asymmetric escalation game (MODELS.md §6) against hand derivations.

Default utilities are equally spaced ranks, worst = 1:
  Challenger  c_EE(soft)=1 < c_DE=2 < c_EE(hard)=3 < c_DD=4 < c_ED=5 < c_SQ=6 < c_DC=7
  Defender    d_EE(soft)=1 < d_ED=2 < d_EE(hard)=3 < d_DD(soft)=4 < d_DC=5 < d_DD(hard)=6
              < d_DE=7 < d_SQ=8
Defender types XY: tactical X (DD utility), strategic Y (EE utility).
"""

from __future__ import annotations

from fractions import Fraction as F

import numpy as np
import pytest

from crisisgames.errors import InvalidParameterError, InvalidPayoffError
from crisisgames.models import escalation as esc
from crisisgames.scenarios import get, load

PREFIXES = ("brief:", "model:", "assumption:", "recon:")


# ----------------------------------------------------------------------------- orderings


@pytest.mark.parametrize(
    ("override", "inequality"),
    [
        ({"c_de": 3}, "c_DE < c_EE(hard)"),  # tie with c_EE(hard) = 3
        ({"c_ee_soft": 2.5}, "c_EE(soft) < c_DE"),
        ({"c_dc": 5}, "c_SQ < c_DC"),
        ({"d_dd_soft": 5}, "d_DD(soft) < d_DC"),
        ({"d_ee_hard": 1}, "d_ED < d_EE(hard)"),  # d_ED = 2 > 1
        ({"d_sq": 6.5}, "d_DE < d_SQ"),
    ],
)
def test_an_assignment_breaking_an_ordering_names_the_inequality(
    override: dict, inequality: str
) -> None:
    with pytest.raises(
        InvalidPayoffError, match=inequality.replace("(", r"\(").replace(")", r"\)")
    ):
        esc.EscalationUtilities(**override)


def test_non_numbers_are_rejected_and_valid_assignments_kept_exact() -> None:
    with pytest.raises(InvalidPayoffError, match="not a finite number"):
        esc.EscalationUtilities(c_sq=float("nan"))
    with pytest.raises(InvalidPayoffError, match="boolean"):
        esc.EscalationUtilities(c_ee_soft=True)
    u = esc.EscalationUtilities(c_sq=6.5, d_ee_soft="-10")
    assert u.c_sq == F(13, 2) and u.d_ee_soft == -10


def test_scenario_validates_orderings_before_building() -> None:
    with pytest.raises(InvalidPayoffError, match=r"c_ED < c_SQ"):
        load("asymmetric-escalation", c_sq=4.5)


def test_type_probabilities_are_validated() -> None:
    with pytest.raises(InvalidParameterError, match="must sum to 1"):
        esc.escalation_tree(p_defender={"HH": "1/2", "SS": "1/3"})
    with pytest.raises(InvalidParameterError, match="outside"):
        esc.escalation_tree(p_challenger_hard=F(3, 2))
    with pytest.raises(InvalidParameterError, match="unknown Defender type"):
        esc.escalation_tree(p_defender={"XX": 1})
    with pytest.raises(InvalidParameterError, match="must sum to 1"):
        load("asymmetric-escalation", p_hh=0.5)


# ----------------------------------------------------------------------------- complete information

# By hand, backward induction from the end of the tree (any type pair, default ranks):
#  * after the Defender escalates, the Challenger picks DE or EE: hard c_EE(hard)=3 > c_DE=2
#    -> counter-escalate (EE); soft c_EE(soft)=1 < 2 -> back off (DE).
#  * after D-D and the Challenger's escalation, the Defender picks ED or EE: strategically
#    hard d_EE(hard)=3 > d_ED=2 -> EE; strategically soft d_EE(soft)=1 < 2 -> back off (ED).
#  * after D-D the Challenger backs off (DD) or escalates: vs a strategically hard Defender
#    escalation ends in EE, and c_EE (1 or 3) < c_DD=4 -> back off, DD; vs a strategically
#    soft one it ends in ED, c_ED=5 > c_DD=4 -> escalate, ED.
#  * the Defender after initiation: concede DC=5, respond in kind (DD or ED by the above),
#    escalate (EE if the Challenger is hard, DE if soft).
#    - soft Challenger: escalating gives d_DE=7, the best of the three -> escalate (DE).
#    - hard Challenger: escalating gives d_EE <= 3 < 5.  HH: respond gives DD(hard)=6 > 5
#      -> respond (DD).  SH: respond gives DD(soft)=4 < 5 -> concede.  HS, SS: respond gives
#      ED=2 < 5 -> concede.
#  * the Challenger at the root: soft -> initiating ends in DE=2 < SQ=6 -> cooperate (SQ);
#    hard vs HH -> DD=4 < 6 -> cooperate (SQ); hard vs HS/SH/SS -> DC=7 > 6 -> initiate, DC.
# No mover ever compares two equal numbers, so each type pair has exactly one SPE.
HAND = {
    ("hard", "HH"): ("SQ", ("cooperate",)),
    ("hard", "HS"): ("DC", ("initiate", "concede")),
    ("hard", "SH"): ("DC", ("initiate", "concede")),
    ("hard", "SS"): ("DC", ("initiate", "concede")),
    ("soft", "HH"): ("SQ", ("cooperate",)),
    ("soft", "HS"): ("SQ", ("cooperate",)),
    ("soft", "SH"): ("SQ", ("cooperate",)),
    ("soft", "SS"): ("SQ", ("cooperate",)),
}
# Moves off the path, by hand (above): the Defender's choice after initiation.
HAND_DEFENDER_AFTER_INITIATION = {
    ("hard", "HH"): "respond in kind",
    ("hard", "HS"): "concede",
    ("hard", "SH"): "concede",
    ("hard", "SS"): "concede",
    **{("soft", d): "escalate" for d in esc.DEFENDER_TYPES},
}


def test_complete_information_outcomes_per_type_pair() -> None:
    table = esc.complete_information_solutions()
    assert len(table) == 8
    for row in table:
        outcome, path = HAND[(row.challenger, row.defender)]
        assert row.outcomes == (outcome,)
        assert row.equilibria.count == 1 and not row.has_ties
        eq = row.equilibria[0]
        assert eq.path == path
        after_initiation = row.equilibria.tree.find_path(["initiate"])
        want = HAND_DEFENDER_AFTER_INITIATION[(row.challenger, row.defender)]
        assert eq.move_at(after_initiation) == want
    text = table.table()
    assert "hard       HH (tact H, strat H)   SQ" in text


@pytest.mark.parametrize("seed", range(5))
def test_complete_information_outcomes_depend_only_on_the_orderings(seed: int) -> None:
    # Every comparison in the derivation above is between two utilities of one player's
    # strict ordering, so any valid assignment gives the same unique SPE (no ties).
    rng = np.random.default_rng(seed)
    values = {}
    for order in (esc.CHALLENGER_ORDER, esc.DEFENDER_ORDER):
        draws = np.sort(rng.choice(np.arange(-50, 50), size=len(order), replace=False))
        values.update({n: int(v) for n, v in zip(order, draws, strict=True)})
    for row in esc.complete_information_solutions(esc.EscalationUtilities(**values)):
        assert row.equilibria.count == 1 and not row.has_ties
        assert row.outcomes == (HAND[(row.challenger, row.defender)][0],)


# ----------------------------------------------------------------------------- incomplete information


def test_tree_shape_and_information_sets() -> None:
    t = esc.escalation_tree()
    # 1 chance root + 8 type pairs x 12 nodes; Challenger: 3 sets x 2 types, Defender:
    # 2 sets x 4 types.
    assert (t.num_nodes, t.num_infosets) == (97, 14)
    assert t.has_perfect_recall
    labels = {t.infoset_label(h) for h in range(t.num_infosets)}
    assert "Challenger hard: after D-D" in labels and "Defender HS: after initiation" in labels
    # Each side knows only its own type: a Defender set spans the two Challenger types,
    # a Challenger set the four Defender types.
    sizes = {t.infoset_label(h): len(t.infoset_nodes[h]) for h in range(t.num_infosets)}
    assert sizes["Defender HS: after initiation"] == 2
    assert sizes["Challenger soft: after Defender escalates"] == 4
    assert load("asymmetric-escalation") == t


def test_one_sided_pbe_by_hand() -> None:
    # A known hard Challenger (p_Ch = 1), Defender types 1/4 each (only the Defender's type
    # is private).  By hand:
    #  * the end moves are as under complete information: Challenger counter-escalates
    #    after E; strategically hard Defenders (HH, SH) counter-escalate, soft ones back off.
    #  * escalating after initiation gives the Defender d_EE <= 3 < d_DC = 5: never.
    #  * after D-D the Challenger escalates iff mu(strategically soft) * 5 +
    #    (1 - mu) * 3 >= 4, i.e. mu >= 1/2.
    #  (a) it backs off after D-D: HH, HS respond (DD(hard) 6 > 5), SH, SS concede
    #      (DD(soft) 4 < 5); initiating gives 1/2 * 4 + 1/2 * 7 = 11/2 < 6 -> cooperate.
    #      D-D is then off the path; backing off needs mu(HS) + mu(SS) <= 1/2.
    #  (b) it escalates after D-D: every type concedes (respond gives EE(hard)=3 or ED=2,
    #      both < 5); initiating gives 7 > 6 -> DC.  Needs mu(HS) + mu(SS) >= 1/2.
    # So exactly two pure PBE.
    res = esc.escalation_pbe(p_challenger_hard=1)
    assert res.profiles_examined == res.profiles_total == 2**3 * 3**4 * 2**4
    assert len(res) == 2
    a, b = res
    assert esc.pbe_outcomes(a) == {("hard", d): {"SQ": 1} for d in esc.DEFENDER_TYPES}
    assert esc.pbe_outcomes(b) == {("hard", d): {"DC": 1} for d in esc.DEFENDER_TYPES}
    assert a.strategy("Defender") == {
        "Defender HH: after initiation": "respond in kind",
        "Defender HS: after initiation": "respond in kind",
        "Defender SH: after initiation": "concede",
        "Defender SS: after initiation": "concede",
        "Defender HH: after Challenger escalates": "counter-escalate",
        "Defender HS: after Challenger escalates": "back off",
        "Defender SH: after Challenger escalates": "counter-escalate",
        "Defender SS: after Challenger escalates": "back off",
    }
    assert a.strategy("Challenger")["Challenger hard: after D-D"] == "back off"
    assert b.strategy("Challenger")["Challenger hard: after D-D"] == "escalate"
    assert all(
        m == "concede" for k, m in b.strategy("Defender").items() if k.endswith("after initiation")
    )
    assert a.exact_payoffs == (6, 8) and b.exact_payoffs == (7, 5)
    for eq, bound in ((a, "le"), (b, "ge")):
        belief = eq.belief("Challenger hard: after D-D")
        assert not belief.on_path
        soft = sum(
            x
            for n, x in zip(belief.nodes, belief.belief, strict=True)
            if "Def HS" in n or "Def SS" in n
        )
        assert soft <= F(1, 2) if bound == "le" else soft >= F(1, 2)


def _soft_strategic_mass(belief) -> F:
    return sum(
        (
            x
            for n, x in zip(belief.nodes, belief.belief, strict=True)
            if "Def HS" in n or "Def SS" in n
        ),
        F(0),
    )


@pytest.mark.slow
def test_two_sided_pbe_at_defaults() -> None:
    # Full model at p_Ch = 1/2, p_XY = 1/4 (97 nodes, 82 944 pure profiles; ~5 s).
    # Sequential rationality, by hand, whatever the beliefs:
    #  * after the Defender escalates: hard Challenger counter-escalates, soft backs off;
    #  * after the Challenger's escalation: HH, SH counter-escalate; HS, SS back off;
    #  * after D-D, a Challenger escalates only if its belief that the Defender is
    #    strategically soft is at least (c_DD - c_EE)/(c_ED - c_EE): 1/2 hard, 3/4 soft,
    #    and backs off only if it is at most that.
    # The DC class, by hand: both Challenger types initiate (7 > 6), so the Defender's
    # belief after initiation is the prior, 1/2 hard.  Conceding (5) must beat escalating:
    # 1/2 d_EE + 1/2 * 7 = 5 (strategically hard; a tie, allowed) or 4 (soft), fine; and
    # responding in kind: HS gets 6 from a Challenger who backs off after D-D and 2 from
    # one who escalates, HH 6 and 3; SH, SS get at most 4 either way.  So conceding needs
    # at least one Challenger type to escalate after D-D: 3 of the 4 combinations, each
    # supportable by an off-path belief (D-D is off the path) -> exactly 3 DC equilibria.
    # Any SQ equilibrium needs some Defender type not to concede (else initiating gives 7).
    res = esc.escalation_pbe()
    assert res.profiles_examined == res.profiles_total == 82944
    classes: dict[str, list] = {"SQ": [], "DC": []}
    for eq in res:
        outs = esc.pbe_outcomes(eq)
        assert len(outs) == 8
        kinds = {o for d in outs.values() for o in d}
        assert len(kinds) == 1, outs  # every type pair reaches the same outcome
        classes[kinds.pop()].append(eq)
        c, d = eq.strategy("Challenger"), eq.strategy("Defender")
        assert c["Challenger hard: after Defender escalates"] == "counter-escalate"
        assert c["Challenger soft: after Defender escalates"] == "back off"
        for t in esc.DEFENDER_TYPES:
            want = "counter-escalate" if t[1] == "H" else "back off"
            assert d[f"Defender {t}: after Challenger escalates"] == want
        for ch, thr in (("hard", F(1, 2)), ("soft", F(3, 4))):
            mu = _soft_strategic_mass(eq.belief(f"Challenger {ch}: after D-D"))
            if c[f"Challenger {ch}: after D-D"] == "escalate":
                assert mu >= thr
            else:
                assert mu <= thr
    assert len(classes["DC"]) == 3 and len(classes["SQ"]) == len(res) - 3
    escalators = set()
    for eq in classes["DC"]:
        c = eq.strategy("Challenger")
        moves = (c["Challenger hard: after D-D"], c["Challenger soft: after D-D"])
        assert "escalate" in moves
        escalators.add(moves)
        assert eq.exact_payoffs == (7, 5)
        for t in esc.DEFENDER_TYPES:
            b = eq.belief(f"Defender {t}: after initiation")
            assert b.on_path and b.belief == (F(1, 2), F(1, 2))
    assert len(escalators) == 3
    for eq in classes["SQ"]:
        d = eq.strategy("Defender")
        assert any(d[f"Defender {t}: after initiation"] != "concede" for t in esc.DEFENDER_TYPES)
        assert eq.exact_payoffs == (6, 8)


# ----------------------------------------------------------------------------- scenario


def test_scenario_parameters_all_have_sources() -> None:
    s = get("asymmetric-escalation")
    assert s.kind == "tree"
    assert len(s.parameters) == 15 + 5
    for p in s.parameters:
        assert p.source.startswith(PREFIXES), (p.name, p.source)
        assert p.source.split(":", 1)[1].strip()
        assert p.low <= p.default <= p.high
    text = s.describe()
    for p in s.parameters:
        assert p.source in text
    # The defaults are the ranks of the orderings and satisfy them.
    esc.EscalationUtilities.from_mapping(s.defaults())
    assert sum(s.defaults()[f"p_{t.lower()}"] for t in esc.DEFENDER_TYPES) == 1


def test_scenario_analysis_one_sided_is_fast_and_labeled() -> None:
    # The default analysis solves the full model (slow); a known Challenger type is quick.
    text = get("asymmetric-escalation").analysis(
        **get("asymmetric-escalation").resolve(p_challenger_hard=1)
    )
    assert "Complete information" in text
    assert "outcomes hard/HH: SQ; hard/HS: SQ; hard/SH: SQ; hard/SS: SQ -- 1 equilibrium" in text
    assert "outcomes hard/HH: DC; hard/HS: DC; hard/SH: DC; hard/SS: DC -- 1 equilibrium" in text
