"""Formal evaluation core: grounded, preferred, DF-QuAD and grounded explanations.

Pure computation, no database: hand-solved frameworks, then a cross-check against the
independent `python-argumentation` (py_arg) implementation on seeded random frameworks.
"""

import graphlib
import random
import time

import numpy as np
import pytest

from argmap.argumentation import (
    Edge,
    Framework,
    FrameworkTooLarge,
    Label,
    PreferredTimeout,
    dfquad,
    explain_grounded,
    grounded,
    grounded_indices,
    preferred,
)

IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC


def fs(*ids: str) -> frozenset[str]:
    return frozenset(ids)


# --- grounded and preferred on hand-solved frameworks ---------------------------------------


def test_empty_framework():
    fw = Framework([])
    assert grounded(fw) == {}
    result = preferred(fw)
    assert result.extensions == [fs()]
    assert result.credulous == {} and result.sceptical == {}
    assert dfquad(fw) == {}


def test_single_argument():
    fw = Framework(["a"], base_scores={"a": 0.7})
    assert grounded(fw) == {"a": IN}
    result = preferred(fw)
    assert result.extensions == [fs("a")]
    assert result.credulous == {"a": True} and result.sceptical == {"a": True}
    assert dfquad(fw) == {"a": 0.7}


def test_chain():
    # c attacks b, b attacks a: c is unattacked, so b falls and a is reinstated.
    fw = Framework(["a", "b", "c"], attacks=[("b", "a"), ("c", "b")])
    assert grounded(fw) == {"a": IN, "b": OUT, "c": IN}
    result = preferred(fw)
    assert result.extensions == [fs("a", "c")]
    assert result.sceptical == {"a": True, "b": False, "c": True}


def test_even_cycle():
    fw = Framework(["a", "b"], attacks=[("a", "b"), ("b", "a")])
    assert grounded(fw) == {"a": UNDEC, "b": UNDEC}
    result = preferred(fw)
    assert set(result.extensions) == {fs("a"), fs("b")}
    assert result.credulous == {"a": True, "b": True}
    assert result.sceptical == {"a": False, "b": False}


def test_odd_cycle():
    fw = Framework(["a", "b", "c"], attacks=[("a", "b"), ("b", "c"), ("c", "a")])
    assert grounded(fw) == {"a": UNDEC, "b": UNDEC, "c": UNDEC}
    result = preferred(fw)
    assert result.extensions == [fs()]
    assert not any(result.credulous.values())


def test_self_attack():
    fw = Framework(["a"], attacks=[("a", "a")])
    assert grounded(fw) == {"a": UNDEC}
    result = preferred(fw)
    assert result.extensions == [fs()]
    assert result.credulous == {"a": False}


def test_self_attacker_defeated_by_third_argument():
    # a attacks itself and b; c defeats a, which frees b.
    fw = Framework(["a", "b", "c"], attacks=[("a", "a"), ("a", "b"), ("c", "a")])
    assert grounded(fw) == {"a": OUT, "b": IN, "c": IN}
    assert preferred(fw).extensions == [fs("b", "c")]


def test_support_only_graph():
    fw = Framework(["a", "b", "c"], supports=[("b", "a"), ("c", "b")])
    assert grounded(fw) == {"a": IN, "b": IN, "c": IN}
    assert preferred(fw).extensions == [fs("a", "b", "c")]
    strength = dfquad(fw)
    assert strength["c"] == 0.5  # unsupported: its base score
    assert strength["b"] == pytest.approx(0.75)  # 0.5 + 0.5 * 0.5
    assert strength["a"] == pytest.approx(0.875)  # 0.5 + 0.5 * 0.75
    assert all(strength[x] > 0.5 for x in "ab")


def test_mixed_with_defender_and_even_cycle():
    # t is attacked by x (defeated by defender d) and by y (in an even cycle with z).
    fw = Framework(
        ["t", "x", "d", "y", "z"],
        attacks=[("x", "t"), ("d", "x"), ("y", "t"), ("y", "z"), ("z", "y")],
    )
    assert grounded(fw) == {"t": UNDEC, "x": OUT, "d": IN, "y": UNDEC, "z": UNDEC}
    result = preferred(fw)
    assert set(result.extensions) == {fs("d", "z", "t"), fs("d", "y")}
    assert result.credulous == {"t": True, "x": False, "d": True, "y": True, "z": True}
    assert result.sceptical == {"t": False, "x": False, "d": True, "y": False, "z": False}


def test_edges_outside_scope_are_ignored():
    fw = Framework(["a", "b"], attacks=[("x", "a"), ("b", "y"), ("b", "a"), ("b", "a")])
    assert fw.attack_src.tolist() == [1] and fw.attack_dst.tolist() == [0]  # deduplicated too
    assert grounded(fw) == {"a": OUT, "b": IN}


def test_base_scores_default_and_scope():
    fw = Framework(["a", "b", "c"], base_scores={"a": 0.2, "b": None, "zz": 0.9})
    assert fw.base.tolist() == [0.2, 0.5, 0.5]


def test_framework_rejects_bad_input():
    with pytest.raises(ValueError, match="unique"):
        Framework(["a", "a"])
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        Framework(["a"], base_scores={"a": 1.5})


def test_grounded_indices_codes():
    labels = grounded_indices(3, np.array([1, 2]), np.array([0, 1]))
    assert labels.dtype == np.int8
    assert labels.tolist() == [1, -1, 1]


def test_long_chain_resolves_fully():
    # 10k links: one propagation step per link, the worst case for round-based propagation.
    n = 10_000
    labels = grounded_indices(n, np.arange(1, n), np.arange(n - 1))
    expected = np.where(np.arange(n) % 2 == (n - 1) % 2, 1, -1)
    assert labels.tolist() == expected.tolist()


# --- preferred: size bound and timeout ------------------------------------------------------


def test_framework_too_large():
    ids = [f"a{i}" for i in range(201)]
    with pytest.raises(FrameworkTooLarge) as err:
        preferred(Framework(ids))
    assert (err.value.size, err.value.bound) == (201, 200)
    assert preferred(Framework(ids), max_arguments=201).extensions == [frozenset(ids)]


def test_preferred_timeout():
    # 100 disjoint mutual attacks: 2**100 preferred extensions, enumeration cannot finish.
    ids = [f"a{i}" for i in range(200)]
    attacks = [(ids[i], ids[i ^ 1]) for i in range(200)]
    started = time.monotonic()
    with pytest.raises(PreferredTimeout):
        preferred(Framework(ids, attacks), timeout_s=0.5)
    assert time.monotonic() - started < 5


# --- DF-QuAD ---------------------------------------------------------------------------------


def test_dfquad_by_hand():
    fw = Framework(
        ["a", "b", "c", "d", "e", "f", "g"],
        attacks=[("b", "a"), ("c", "a"), ("a", "e"), ("g", "f")],
        supports=[("d", "a"), ("d", "f")],
        base_scores={"b": 0.6, "d": 0.4, "f": 0.2, "g": 0.1},
    )
    strength = dfquad(fw)
    assert (strength.converged, strength.iterations) == (True, 1)
    # a: attackers F(0.6, 0.5) = 1 - 0.4 * 0.5 = 0.8 >= supporters 0.4 -> 0.5 - 0.5 * 0.4
    assert strength["a"] == pytest.approx(0.3)
    # e: attacked by a (0.3), no support -> 0.5 - 0.5 * 0.3
    assert strength["e"] == pytest.approx(0.35)
    # f: support 0.4 > attack 0.1 -> 0.2 + 0.8 * 0.3
    assert strength["f"] == pytest.approx(0.44)
    assert strength["b"] == 0.6 and strength["g"] == 0.1


def test_dfquad_cycle_converges_to_fixed_point():
    # s = 0.5 - 0.5 * s for both arguments of a mutual attack: s = 1/3.
    strength = dfquad(Framework(["a", "b"], attacks=[("a", "b"), ("b", "a")]))
    assert strength.converged and strength.iterations > 1
    assert strength["a"] == pytest.approx(1 / 3, abs=1e-8)
    assert strength["b"] == pytest.approx(1 / 3, abs=1e-8)


def test_dfquad_cycle_that_oscillates_reports_it():
    fw = Framework(["a", "b"], [("a", "b"), ("b", "a")], base_scores={"a": 1.0, "b": 1.0})
    strength = dfquad(fw, max_iterations=50)
    assert not strength.converged and strength.iterations == 50


def test_dfquad_iteration_agrees_with_topological_pass():
    # The same DAG alone (one topological pass) and next to a cycle (Jacobi for everything).
    rng = random.Random(3)
    ids = [f"n{i}" for i in range(60)]
    edges = {(rng.randrange(60), rng.randrange(60)) for _ in range(150)}
    dag = [(ids[max(s, t)], ids[min(s, t)]) for s, t in edges if s != t]
    attacks, supports = dag[::2], dag[1::2]
    scores = {x: rng.random() for x in ids}
    alone = dfquad(Framework(ids, attacks, supports, scores))
    cyclic = dfquad(
        Framework(ids + ["p", "q"], attacks + [("p", "q"), ("q", "p")], supports, scores),
        tolerance=1e-13,
    )
    assert alone.iterations == 1 and cyclic.iterations > 1 and cyclic.converged
    for x in ids:
        assert cyclic[x] == pytest.approx(alone[x], abs=1e-12)
        assert 0.0 <= alone[x] <= 1.0


# --- explanations ----------------------------------------------------------------------------


def test_explain_chain():
    fw = Framework(["a", "b", "c", "d", "e"], [("b", "a"), ("c", "b"), ("d", "c"), ("e", "d")])
    why = explain_grounded(fw, "a")
    assert why.label == IN
    assert why.nodes == {"a": IN, "b": OUT, "c": IN, "d": OUT, "e": IN}
    assert set(why.edges) == {Edge("b", "a"), Edge("c", "b"), Edge("d", "c"), Edge("e", "d")}
    assert all(e.type == "REFUTES" for e in why.edges)
    assert why.reason == "a is IN: every attack on it fails: b is defeated by c."

    why = explain_grounded(fw, "d")
    assert why.label == OUT
    assert why.nodes == {"d": OUT, "e": IN}
    assert why.edges == (Edge("e", "d"),)

    assert explain_grounded(fw, "e").reason == "e is IN: nothing attacks it."


def test_explain_uses_one_defender_per_attacker():
    fw = Framework(["t", "x", "d1", "d2"], [("x", "t"), ("d1", "x"), ("d2", "x")])
    why = explain_grounded(fw, "t")
    assert why.label == IN
    assert len(why.nodes) == 3 and len(why.edges) == 2
    assert {"t", "x"} <= why.nodes.keys()


def test_explain_cycle():
    fw = Framework(["a", "b", "x"], [("a", "b"), ("b", "a"), ("b", "x")])
    why = explain_grounded(fw, "x")
    assert why.label == UNDEC
    assert why.nodes == {"x": UNDEC, "b": UNDEC, "a": UNDEC}
    assert set(why.edges) == {Edge("b", "x"), Edge("a", "b"), Edge("b", "a")}
    assert "b stays undecided" in why.reason


def test_explain_unknown_argument():
    with pytest.raises(KeyError):
        explain_grounded(Framework(["a"]), "zz")


# --- cross-check against py_arg on random frameworks ---------------------------------------


def random_framework(rng: random.Random, n: int, attacks_per_argument: float) -> Framework:
    ids = [f"a{i}" for i in range(n)]
    m = int(attacks_per_argument * n)
    attacks = [(rng.choice(ids), rng.choice(ids)) for _ in range(m)]
    # Supports must not change Dung semantics.
    supports = [(rng.choice(ids), rng.choice(ids)) for _ in range(n // 3)]
    return Framework(ids, attacks, supports)


def py_arg(module: str):
    return pytest.importorskip(
        f"py_arg.{module}", reason="python-argumentation (py_arg) is not installed"
    )


def py_arg_framework(fw: Framework):
    Argument = py_arg("abstract_argumentation_classes.argument").Argument
    Defeat = py_arg("abstract_argumentation_classes.defeat").Defeat
    aaf = py_arg("abstract_argumentation_classes.abstract_argumentation_framework")
    args = [Argument(a) for a in fw.ids]
    defeats = [Defeat(args[s], args[t]) for s, t in zip(fw.attack_src, fw.attack_dst)]
    return aaf.AbstractArgumentationFramework("random", args, defeats)


# 50 frameworks of 5..40 arguments, plus larger sparse ones whose first frontiers are wide
# enough for the vectorised rounds (small ones only exercise the worklist).
GROUNDED_CASES = [(seed, 5 + seed * 35 // 49, 0.5 + (seed % 4) * 0.5) for seed in range(50)]
GROUNDED_CASES += [(100 + k, 300 + 100 * k, 0.8) for k in range(4)]


@pytest.mark.parametrize(("seed", "n", "density"), GROUNDED_CASES)
def test_grounded_matches_py_arg(seed: int, n: int, density: float):
    fw = random_framework(random.Random(seed), n, density)
    semantics = py_arg("algorithms.semantics.get_grounded_extension")
    extension = {a.name for a in semantics.get_grounded_extension(py_arg_framework(fw))}
    attacked = {fw.ids[t] for s, t in zip(fw.attack_src, fw.attack_dst) if fw.ids[s] in extension}
    expected = {a: IN if a in extension else OUT if a in attacked else UNDEC for a in fw.ids}
    assert grounded(fw) == expected
    _check_explanations(fw, expected)


def _check_explanations(fw: Framework, labels: dict[str, Label]) -> None:
    """Every explanation is a sound justification: IN nodes come with all their attackers, each
    with one IN defender; OUT roots with an IN attacker; UNDEC roots with their UNDEC attackers."""
    attackers: dict[str, set[str]] = {a: set() for a in fw.ids}
    for s, t in zip(fw.attack_src, fw.attack_dst):
        attackers[fw.ids[t]].add(fw.ids[s])
    for a in fw.ids:
        why = explain_grounded(fw, a)
        assert why.label == labels[a]
        assert all(labels[x] == lab for x, lab in why.nodes.items())
        shown: dict[str, set[str]] = {x: set() for x in why.nodes}
        for e in why.edges:
            assert e.source in attackers[e.target]
            shown[e.target].add(e.source)
        if why.label == OUT:
            assert any(labels[x] == IN for x in shown[a])
        if why.label == UNDEC:
            assert shown[a] == {x for x in attackers[a] if labels[x] == UNDEC}
        if why.label in (IN, OUT):
            for x, lab in why.nodes.items():
                if lab == IN:
                    assert shown[x] == attackers[x]
                elif x != a:  # an attacker of an IN node: exactly one IN defender shown
                    assert len(shown[x]) == 1 and labels[next(iter(shown[x]))] == IN
        if why.label == IN:  # a derivation: well-founded even when the framework has cycles
            graphlib.TopologicalSorter(shown).prepare()  # raises CycleError on a cycle


# py_arg enumerates preferred extensions by plain backtracking (minutes at 30 arguments), so
# the preferred cross-check stays at 5..16 arguments.
PREFERRED_CASES = [(seed, 5 + seed * 11 // 49, 0.5 + (seed % 4) * 0.5) for seed in range(50)]


@pytest.mark.parametrize(("seed", "n", "density"), PREFERRED_CASES)
def test_preferred_matches_py_arg(seed: int, n: int, density: float):
    fw = random_framework(random.Random(1000 + seed), n, density)
    semantics = py_arg("algorithms.semantics.get_preferred_extensions")
    found = semantics.get_preferred_extensions(py_arg_framework(fw))
    expected = {frozenset(a.name for a in e) for e in found}
    result = preferred(fw)
    assert len(result.extensions) == len(set(result.extensions))
    assert set(result.extensions) == expected
    union, common = frozenset().union(*expected), frozenset.intersection(*expected)
    assert result.credulous == {a: a in union for a in fw.ids}
    assert result.sceptical == {a: a in common for a in fw.ids}
