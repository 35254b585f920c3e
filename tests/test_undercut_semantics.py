"""Undercuts in every semantics (docs/argumentation.md): hand-solved frameworks with the
expected labels written out, then a cross-check of grounded and preferred against an
independent ASPIC+ instantiation in python-argumentation (py_arg), where an undercut is what
ASPIC+ calls one: an argument for the negation of a defeasible rule's name."""

import random

import pytest

from argmap.argumentation import (
    Edge,
    Framework,
    Label,
    Undercut,
    dfquad,
    explain_grounded,
    grounded,
    preferred,
)

IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC


def fs(*ids: str) -> frozenset[str]:
    return frozenset(ids)


def attack(a: str, b: str) -> Edge:
    return Edge(a, b, "REFUTES")


def support(a: str, b: str) -> Edge:
    return Edge(a, b, "SUPPORTS")


def framework(ids: str, attacks=(), supports=(), undercuts=(), scores=None) -> Framework:
    """`ids` as one string of one-letter arguments; undercuts as (undercutter, Edge)."""
    return Framework(
        list(ids),
        [tuple(e) for e in attacks],
        [tuple(e) for e in supports],
        base_scores=scores,
        undercuts=[Undercut(u, e) for u, e in undercuts],
    )


# --- grounded and preferred, by hand -----------------------------------------------------------


def test_simple_undercut_reinstates_the_target():
    plain = framework("abu", [("a", "b")])
    assert grounded(plain) == {"a": IN, "b": OUT, "u": IN}
    # u attacks the inference of a -> b, not a: a still stands, but b is no longer defeated.
    fw = framework("abu", [("a", "b")], undercuts=[("u", attack("a", "b"))])
    assert grounded(fw) == {"a": IN, "b": IN, "u": IN}
    assert preferred(fw).extensions == [fs("a", "b", "u")]


def test_attacked_undercutter():
    # c defeats the undercutter u, so the attack a -> b holds again.
    fw = framework("abcu", [("a", "b"), ("c", "u")], undercuts=[("u", attack("a", "b"))])
    assert grounded(fw) == {"a": IN, "b": OUT, "c": IN, "u": OUT}
    assert preferred(fw).extensions == [fs("a", "c")]
    # d defeats c: u stands again and b with it.
    fw = framework(
        "abcdu", [("a", "b"), ("c", "u"), ("d", "c")], undercuts=[("u", attack("a", "b"))]
    )
    assert grounded(fw) == {"a": IN, "b": IN, "c": OUT, "d": IN, "u": IN}
    # u undecided (a mutual attack with v): the attack neither surely holds nor surely fails.
    fw = framework(
        "abuv", [("a", "b"), ("u", "v"), ("v", "u")], undercuts=[("u", attack("a", "b"))]
    )
    assert grounded(fw) == {"a": IN, "b": UNDEC, "u": UNDEC, "v": UNDEC}
    assert set(preferred(fw).extensions) == {fs("a", "b", "u"), fs("a", "v")}


def test_undercut_of_a_failing_attack_changes_nothing():
    fw = framework("abcu", [("a", "b"), ("c", "a")], undercuts=[("u", attack("a", "b"))])
    assert grounded(fw) == {"a": OUT, "b": IN, "c": IN, "u": IN}


def test_one_in_undercutter_is_enough():
    fw = framework(
        "abuvw",
        [("a", "b"), ("w", "v")],
        undercuts=[("u", attack("a", "b")), ("v", attack("a", "b"))],
    )
    assert grounded(fw) == {"a": IN, "b": IN, "u": IN, "v": OUT, "w": IN}


def test_chain_with_an_undercut_in_the_middle():
    chain = [("a", "b"), ("b", "c"), ("c", "d")]
    assert grounded(framework("abcdu", chain)) == {"a": IN, "b": OUT, "c": IN, "d": OUT, "u": IN}
    # Undercutting a -> b frees b, which then defeats c, which frees d: the chain flips.
    fw = framework("abcdu", chain, undercuts=[("u", attack("a", "b"))])
    assert grounded(fw) == {"a": IN, "b": IN, "c": OUT, "d": IN, "u": IN}
    assert preferred(fw).extensions == [fs("a", "b", "d", "u")]
    # Undercutting b -> c instead changes nothing: b is OUT, that attack failed already.
    fw = framework("abcdu", chain, undercuts=[("u", attack("b", "c"))])
    assert grounded(fw) == {"a": IN, "b": OUT, "c": IN, "d": OUT, "u": IN}


def test_odd_cycle_with_an_undercut():
    cycle = [("a", "b"), ("b", "c"), ("c", "a")]
    assert set(grounded(framework("abcu", cycle)).values()) == {UNDEC, IN}
    # Undercutting one attack breaks the cycle: b is unattacked in effect, c falls, a stands.
    fw = framework("abcu", cycle, undercuts=[("u", attack("a", "b"))])
    assert grounded(fw) == {"a": IN, "b": IN, "c": OUT, "u": IN}
    assert preferred(fw).extensions == [fs("a", "b", "u")]
    # An undercutter in an even cycle with e: grounded decides nothing, preferred splits.
    fw = framework("abcde", cycle + [("d", "e"), ("e", "d")], undercuts=[("d", attack("a", "b"))])
    assert grounded(fw) == dict.fromkeys("abcde", UNDEC)
    result = preferred(fw)
    assert set(result.extensions) == {fs("a", "b", "d"), fs("e")}
    assert result.credulous == {"a": True, "b": True, "c": False, "d": True, "e": True}
    assert not any(result.sceptical.values())


def test_undercut_of_a_support_does_not_touch_grounded_or_preferred():
    fw = framework("stu", supports=[("s", "t")], undercuts=[("u", support("s", "t"))])
    assert grounded(fw) == {"s": IN, "t": IN, "u": IN}
    assert preferred(fw).extensions == [fs("s", "t", "u")]


def test_undercuts_outside_the_framework_are_dropped():
    fw = framework(
        "ab",
        [("a", "b")],
        undercuts=[("z", attack("a", "b")), ("b", attack("a", "z")), ("b", attack("b", "a"))],
    )
    assert fw.attack_undercut_src.size == 0
    assert grounded(fw) == {"a": IN, "b": OUT}


# --- DF-QuAD, by hand ----------------------------------------------------------------------


def test_dfquad_undercut_of_a_support():
    # Without the undercut: t = 0.5 + 0.5 * 0.5 = 0.75.
    assert dfquad(framework("st", supports=[("s", "t")]))["t"] == pytest.approx(0.75)
    # u (0.5) weakens the support to 0.5 * (1 - 0.5) = 0.25: t = 0.5 + 0.5 * 0.25.
    fw = framework("stu", supports=[("s", "t")], undercuts=[("u", support("s", "t"))])
    strength = dfquad(fw)
    assert (strength.converged, strength.iterations) == (True, 1)
    assert strength["t"] == pytest.approx(0.625)
    assert strength["s"] == strength["u"] == 0.5  # the undercut touches neither end's source
    # An undercutter of strength 1 cancels the support; of strength 0, nothing.
    assert dfquad(framework("stu", supports=[("s", "t")], undercuts=[("u", support("s", "t"))],
                            scores={"u": 1.0}))["t"] == pytest.approx(0.5)  # fmt: skip
    assert dfquad(framework("stu", supports=[("s", "t")], undercuts=[("u", support("s", "t"))],
                            scores={"u": 0.0}))["t"] == pytest.approx(0.75)  # fmt: skip


def test_dfquad_undercut_of_an_attack_with_two_undercutters():
    # Undercutters aggregate as DF-QuAD aggregates: weight = (1 - 0.5) * (1 - 0.6) = 0.2, so
    # a's attack contributes 0.8 * 0.2 = 0.16 and b = 0.5 - 0.5 * 0.16 = 0.42.
    fw = framework(
        "abuv",
        [("a", "b")],
        undercuts=[("u", attack("a", "b")), ("v", attack("a", "b"))],
        scores={"a": 0.8, "v": 0.6},
    )
    assert dfquad(fw)["b"] == pytest.approx(0.42)


def test_dfquad_undercut_in_a_cycle_agrees_with_the_single_pass():
    # The undercutter depends on the edge's target (b supports u): no topological order, so
    # Jacobi; its fixed point solves b = 0.5 - 0.5 * 0.5 * (1 - u), u = 0.5 + 0.5 * b.
    fw = framework("abu", [("a", "b")], supports=[("b", "u")], undercuts=[("u", attack("a", "b"))])
    strength = dfquad(fw, tolerance=1e-13)
    assert strength.converged and strength.iterations > 1
    b = strength["b"]
    assert strength["u"] == pytest.approx(0.5 + 0.5 * b)
    assert b == pytest.approx(0.5 - 0.25 * (1 - strength["u"]))
    # Closed form: b = 0.25 + 0.125 + 0.125 * b  ->  b = 0.375 / 0.875.
    assert b == pytest.approx(0.375 / 0.875)


# --- explanations with undercuts ---------------------------------------------------------


def test_explain_a_target_saved_by_an_undercut():
    fw = framework("abuc", [("a", "b"), ("c", "u")], undercuts=[("u", attack("a", "b"))])
    why = explain_grounded(fw, "b")  # c defeats u: the attack holds, b is OUT
    assert why.label == OUT
    assert why.reason == "b is OUT: it is attacked by IN argument(s) a."
    assert why.edges == (attack("a", "b"), attack("c", "u"))
    assert why.undercuts == (Undercut("u", attack("a", "b")),)
    assert why.holds == {attack("a", "b"): IN, attack("c", "u"): IN}
    assert why.nodes == {"b": OUT, "a": IN, "u": OUT, "c": IN}

    fw = framework("abu", [("a", "b")], undercuts=[("u", attack("a", "b"))])
    why = explain_grounded(fw, "b")
    assert why.label == IN
    assert why.reason == "b is IN: every attack on it fails: the attack of a is undercut by u."
    assert why.edges == (attack("a", "b"),) and why.holds == {attack("a", "b"): OUT}
    assert why.undercuts == (Undercut("u", attack("a", "b")),)
    assert why.nodes == {"b": IN, "u": IN, "a": IN}


def test_explain_undecided_undercut():
    fw = framework(
        "abuv", [("a", "b"), ("u", "v"), ("v", "u")], undercuts=[("u", attack("a", "b"))]
    )
    why = explain_grounded(fw, "b")
    assert why.label == UNDEC
    assert "the undercut of a's attack by u stays undecided" in why.reason
    assert why.holds[attack("a", "b")] == UNDEC
    assert set(why.edges) == {attack("a", "b"), attack("v", "u"), attack("u", "v")}


# --- cross-check against ASPIC+ (py_arg) on random frameworks --------------------------------


def random_framework(rng: random.Random, n: int, density: float) -> Framework:
    ids = [f"a{i}" for i in range(n)]
    attacks = list({(rng.choice(ids), rng.choice(ids)) for _ in range(int(density * n))})
    supports = [(rng.choice(ids), rng.choice(ids)) for _ in range(n // 3)]
    undercuts = [
        Undercut(rng.choice(ids), Edge(*rng.choice(attacks), "REFUTES"))
        for _ in range(max(1, n // 3))
    ]
    undercuts += [Undercut(rng.choice(ids), Edge(*s, "SUPPORTS")) for s in supports[:2]]
    return Framework(ids, attacks, supports, undercuts=undercuts)


def aspic_framework(fw: Framework):
    """The framework as an ASPIC+ theory: every statement an ordinary premise; attack k a -> b
    the defeasible rule r_k: a => x_k with x_k a contrary of b (one-way, as the attack is);
    an undercut of attack k by u the defeasible rule u => -r_k, which py_arg reads as an
    undercutter of every argument whose top rule is r_k. Statement s stands iff its premise
    argument does."""
    aspic = pytest.importorskip("py_arg.aspic_classes.argumentation_system")
    theory = pytest.importorskip("py_arg.aspic_classes.argumentation_theory")
    rule_mod = pytest.importorskip("py_arg.aspic_classes.defeasible_rule")
    literal_mod = pytest.importorskip("py_arg.aspic_classes.literal")
    Literal, DefeasibleRule = literal_mod.Literal, rule_mod.DefeasibleRule

    language = {s: Literal(s) for s in fw.ids}
    contraries: dict[str, set] = {s: set() for s in fw.ids}
    rules = []
    for k in range(fw.attack_src.size):
        a, b = fw.ids[fw.attack_src[k]], fw.ids[fw.attack_dst[k]]
        x = language[f"x{k}"] = Literal(f"x{k}")
        contraries[b].add(x)
        rules.append(DefeasibleRule(f"r{k}", {language[a]}, x))
    for j, (u, k) in enumerate(zip(fw.attack_undercut_src, fw.attack_undercut_edge)):
        negation = Literal.from_defeasible_rule_negation(rules[k])
        rules.append(DefeasibleRule(f"u{j}", {language[fw.ids[u]]}, negation))
    system = aspic.ArgumentationSystem(language, contraries, [], rules)
    premises = [language[s] for s in fw.ids]
    built = theory.ArgumentationTheory(system, [], premises)
    aaf = pytest.importorskip(
        "py_arg.abstract_argumentation_classes.abstract_argumentation_framework"
    )
    Defeat = pytest.importorskip("py_arg.abstract_argumentation_classes.defeat").Defeat
    arguments = built.all_arguments
    defeats = [Defeat(a, b) for a, b in built.all_attacks]  # no preferences: attacks defeat
    af = aaf.AbstractArgumentationFramework("aspic", arguments, defeats)
    premise_args = {str(a.conclusion): a for a in arguments if a.top_rule is None}
    return af, premise_args


# py_arg's grounded is quick; its preferred enumerates by backtracking (seconds at 20
# arguments, and ASPIC+ adds one argument per attack and per undercut), so the preferred
# cross-check stays at 3..6 statements.
GROUNDED_CASES = [(seed, 4 + seed * 12 // 39, 0.8 + (seed % 3) * 0.6) for seed in range(40)]
PREFERRED_CASES = [(seed, 3 + seed * 3 // 29, 0.8 + (seed % 2) * 0.6) for seed in range(30)]


@pytest.mark.parametrize(("seed", "n", "density"), GROUNDED_CASES)
def test_grounded_matches_aspic_plus(seed: int, n: int, density: float):
    fw = random_framework(random.Random(7000 + seed), n, density)
    af, premise = aspic_framework(fw)
    semantics = pytest.importorskip("py_arg.algorithms.semantics.get_grounded_extension")
    extension = semantics.get_grounded_extension(af)
    defeated = {d.to_argument for d in af.defeats if d.from_argument in extension}
    expected = {
        s: IN if premise[s] in extension else OUT if premise[s] in defeated else UNDEC
        for s in fw.ids
    }
    assert grounded(fw) == expected
    _check_explanations(fw, expected)


@pytest.mark.parametrize(("seed", "n", "density"), PREFERRED_CASES)
def test_preferred_matches_aspic_plus(seed: int, n: int, density: float):
    fw = random_framework(random.Random(8000 + seed), n, density)
    af, premise = aspic_framework(fw)
    semantics = pytest.importorskip("py_arg.algorithms.semantics.get_preferred_extensions")
    found = semantics.get_preferred_extensions(af)
    wanted = {frozenset(s for s in fw.ids if premise[s] in e) for e in found}
    result = preferred(fw)
    assert set(result.extensions) == wanted and len(result.extensions) == len(wanted)


def _check_explanations(fw: Framework, labels: dict[str, Label]) -> None:
    """Every explanation is sound in the framework's own terms: node labels are grounded's,
    each shown attack holds exactly when its attacker is IN and no undercutter is IN, an OUT
    statement shows an attack on it that holds (with all its undercutters), an IN one shows
    every attack on it failing for a shown reason, an UNDEC one its undecided attacks."""
    attacks = [fw.attack(k) for k in range(fw.attack_src.size)]
    undercutters: dict[Edge, set[str]] = {e: set() for e in attacks}
    for u, k in zip(fw.attack_undercut_src, fw.attack_undercut_edge):
        undercutters[attacks[k]].add(fw.ids[u])

    def holds(e: Edge) -> Label:
        if labels[e.source] == OUT or any(labels[u] == IN for u in undercutters[e]):
            return OUT
        if labels[e.source] == IN and all(labels[u] == OUT for u in undercutters[e]):
            return IN
        return UNDEC

    for a in fw.ids:
        why = explain_grounded(fw, a)
        assert why.label == labels[a]
        assert all(labels[x] == lab for x, lab in why.nodes.items())
        assert why.holds == {e: holds(e) for e in why.edges}
        shown_undercuts = {(u.source, u.edge) for u in why.undercuts}
        assert all(u in undercutters[e] for u, e in shown_undercuts)
        on = {x: [e for e in why.edges if e.target == x] for x in why.nodes}
        if why.label == OUT:
            e = next(e for e in on[a] if why.holds[e] == IN)
            assert {u for u, f in shown_undercuts if f == e} == undercutters[e]
        elif why.label == IN:
            assert set(on[a]) == {e for e in attacks if e.target == a}
            for e in on[a]:
                undercut = any(f == e and labels[u] == IN for u, f in shown_undercuts)
                beaten = any(why.holds[f] == IN for f in on.get(e.source, []))
                assert undercut or beaten, (a, e)
        else:
            assert set(on[a]) == {e for e in attacks if e.target == a and holds(e) == UNDEC}
