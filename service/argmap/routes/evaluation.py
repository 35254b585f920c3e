from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query

from argmap.deps import EvaluationDep
from argmap.errors import ERROR_RESPONSES
from argmap.models import Applied, Evaluation, Explanation, Semantics
from argmap.routes.params import ScopeDep, StatementId
from argmap.security import ReadAccess, WriteAccess

router = APIRouter(tags=["evaluation"], responses=ERROR_RESPONSES)


class ExplainSemantics(StrEnum):
    GROUNDED = "grounded"


@router.get(
    "/evaluation",
    dependencies=[ReadAccess],
    summary="Which statements stand: grounded labels, preferred acceptance or DF-QuAD strength",
    description=(
        "The map (or the part a position, source or speaker covers: 'what stands if we only "
        "believe this') as a bipolar argumentation framework: REFUTES are attacks, SUPPORTS "
        "supports. `grounded`: IN/OUT/UNDEC in linear time. `preferred`: credulous/sceptical "
        "acceptance from the preferred extensions (ASP, clingo); 422 above `max_arguments`. "
        "`dfquad`: gradual strength in [0, 1] from base scores (default 0.5)."
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
) -> Evaluation:
    return await evaluation.evaluate(
        semantics=semantics, scope=scope, max_arguments=max_arguments, timeout_s=timeout
    )


@router.get(
    "/statements/{id}/explain",
    dependencies=[ReadAccess],
    summary="Why a statement is IN, OUT or UNDEC: its justification subgraph",
)
async def explain(
    evaluation: EvaluationDep,
    id: StatementId,
    scope: ScopeDep,
    semantics: ExplainSemantics = ExplainSemantics.GROUNDED,
) -> Explanation:
    return await evaluation.explain(id=id, scope=scope)


@router.post(
    "/evaluation/apply",
    dependencies=[WriteAccess],
    summary="Write grounded labels (:Accepted/:Rejected/:Undecided) and strengths onto the map",
)
async def apply(evaluation: EvaluationDep) -> Applied:
    return await evaluation.apply()
