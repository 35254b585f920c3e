from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query, Response

from argmap.deps import EvaluationDep
from argmap.errors import ERROR_RESPONSES
from argmap.models import Applied, BasisFilter, Evaluation, Explanation, Semantics
from argmap.routes.params import ScopeDep, StatementId
from argmap.security import ReadAccess, WriteAccess

router = APIRouter(tags=["evaluation"], responses=ERROR_RESPONSES)


class ExplainSemantics(StrEnum):
    GROUNDED = "grounded"


BasisParam = Annotated[
    BasisFilter,
    Query(
        description="`stated`: believe only the relations (and undercuts) the sources state; "
        "`all`: the analyst's reconstructed ones too"
    ),
]


@router.get(
    "/evaluation",
    response_model=Evaluation,
    dependencies=[ReadAccess],
    summary="Which statements stand: grounded labels, preferred acceptance or DF-QuAD strength",
    description=(
        "The map (or the part a position, source or speaker covers: 'what stands if we only "
        "believe this') as a bipolar argumentation framework: REFUTES are attacks, SUPPORTS "
        "supports, UNDERCUTS attack an edge's inference (docs/argumentation.md). `grounded`: "
        "IN/OUT/UNDEC in linear time. `preferred`: credulous/sceptical acceptance from the "
        "preferred extensions (ASP, clingo); 422 above `max_arguments`. `dfquad`: gradual "
        "strength in [0, 1] from base scores (default 0.5). `basis=stated` believes only the "
        "relations the sources state; the answer counts the relations it used by type and basis."
    ),
)
async def evaluate(
    evaluation: EvaluationDep,
    scope: ScopeDep,
    semantics: Semantics = Semantics.GROUNDED,
    max_arguments: Annotated[
        int, Query(ge=1, le=5000, description="preferred: largest framework to solve")
    ] = 200,
    timeout: Annotated[float, Query(gt=0, le=60, description="preferred: seconds")] = 10.0,
    basis: BasisParam = BasisFilter.ALL,
) -> Response:
    # The service writes the JSON itself (a million items would be a million models); the
    # Server-Timing header says where the time went (read, build, solve, encode).
    answer = await evaluation.evaluate_json(
        semantics=semantics,
        scope=scope,
        max_arguments=max_arguments,
        timeout_s=timeout,
        basis=basis,
    )
    return Response(
        answer.body,
        media_type="application/json",
        headers={"Server-Timing": answer.phases.server_timing},
    )


@router.get(
    "/statements/{id}/explain",
    dependencies=[ReadAccess],
    summary="Why a statement is IN, OUT or UNDEC: its justification subgraph",
    description=(
        "Each step is one attack of the justification: the attacker, the REFUTES relation (id) "
        "and its grounds (who argues it, the quotes and their sources, or 'reconstructed: "
        "<note>'), whether it defeats its target, and the undercuts, grounded the same way, "
        "that decide it."
    ),
)
async def explain(
    evaluation: EvaluationDep,
    id: StatementId,
    scope: ScopeDep,
    semantics: ExplainSemantics = ExplainSemantics.GROUNDED,
    basis: BasisParam = BasisFilter.ALL,
) -> Explanation:
    return await evaluation.explain(id=id, scope=scope, basis=basis)


@router.post(
    "/evaluation/apply",
    dependencies=[WriteAccess],
    summary="Write grounded labels (:Accepted/:Rejected/:Undecided) and strengths onto the map",
)
async def apply(evaluation: EvaluationDep, basis: BasisParam = BasisFilter.ALL) -> Applied:
    return await evaluation.apply(basis=basis)
