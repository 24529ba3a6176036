"""Curation of named actors over HTTP (``store.curation``), behind the server's token.

``POST /api/actors/{actor}/merge`` (``{"other": B}``), ``/split`` (``{"alias": ...}``) and
``/rename`` (``{"name": ...}``) do what ``communique actors merge|split|rename`` do;
``GET /api/curation`` lists the decisions and ``POST /api/curation/{id}/undo`` drops one.
Writes need ``Authorization: Bearer <token>`` and are off when the server has no token, as
``POST /api/articles`` is. A refused command answers 409, an unknown actor 404; either way
nothing was changed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException
from fastapi import Path as PathParam
from pydantic import BaseModel, ConfigDict, Field

from ..errors import StoreError
from ..store import Store
from ..store import curation as store_curation
from ..store.queries import SQLITE_MAX_INT
from .context import Ctx, ReadStore, WebContext, check_token
from .params import ActorRef

router = APIRouter(prefix="/api", tags=["curation"])

MAX_NAME = 300
"""Longest name or alias a curation body takes."""
DecisionId = Annotated[int, PathParam(ge=1, le=SQLITE_MAX_INT, description="decision id")]


class MergeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    other: str | int = Field(description="actor B, merged into the actor of the path: id or name")
    force: bool = Field(False, description="merge actors of two kinds (person, organisation)")


class SplitIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    alias: str = Field(
        description="the alias that becomes an actor of its own",
        min_length=1,
        max_length=MAX_NAME,
    )


class RenameIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(description="the actor's new name", min_length=1, max_length=MAX_NAME)


class DecisionOut(BaseModel):
    id: int
    action: str = Field(description=" | ".join(store_curation.CURATION_ACTIONS))
    kind: str
    actor_key: str
    actor_name: str
    other_kind: str
    other_key: str
    other_name: str
    created_at: str
    description: str


class ChangeOut(BaseModel):
    decision: DecisionOut
    actor: dict[str, Any] | None = Field(description="the actor the command leaves")
    articles: int
    quotes: int
    events: int
    message: str


def require_token(ctx: Ctx, authorization: Annotated[str | None, Header()] = None) -> None:
    """403 when the server has no token, 401 without the right bearer token."""
    check_token(
        ctx,
        authorization,
        off="curation over HTTP is off: start the server with --token (or COMMUNIQUE_TOKEN)",
        needs="curation",
    )


Token = Annotated[None, Depends(require_token)]

WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"description": "missing or wrong bearer token"},
    403: {"description": "curation is off: the server has no token"},
    404: {"description": "no such actor or decision"},
    409: {"description": "refused (a description, two kinds, a name in use): nothing changed"},
}


def _apply(ctx: WebContext, command: Callable[[Store], store_curation.Change]) -> dict[str, Any]:
    """Run one curation command on the writable store, one write at a time; a refusal is 409."""
    if ctx.db_path != ":memory:" and not Path(ctx.db_path).exists():
        raise StoreError(f"{ctx.db_path}: no such database")
    with ctx.write_lock, Store(ctx.db_path) as store:
        try:
            return command(store).to_dict()
        except store_curation.CurationError as e:
            raise HTTPException(409, str(e)) from e


@router.post(
    "/actors/{actor}/merge",
    response_model=ChangeOut,
    summary="Merge another actor into this one (needs the server token)",
    responses=WRITE_RESPONSES,
)
def merge(actor: ActorRef, body: MergeIn, ctx: Ctx, _: Token) -> dict[str, Any]:
    """Actor ``other``'s articles, aliases, quotes and events become this actor's; articles
    naming ``other`` resolve to this actor from now on."""
    return _apply(ctx, lambda s: store_curation.merge(s, actor, body.other, force=body.force))


@router.post(
    "/actors/{actor}/split",
    response_model=ChangeOut,
    summary="Give one of this actor's aliases an actor of its own (needs the server token)",
    responses=WRITE_RESPONSES,
)
def split(actor: ActorRef, body: SplitIn, ctx: Ctx, _: Token) -> dict[str, Any]:
    """The articles where this actor is named ``alias`` move to a new actor ``alias``."""
    return _apply(ctx, lambda s: store_curation.split(s, actor, body.alias))


@router.post(
    "/actors/{actor}/rename",
    response_model=ChangeOut,
    summary="Rename this actor (needs the server token)",
    responses=WRITE_RESPONSES,
)
def rename(actor: ActorRef, body: RenameIn, ctx: Ctx, _: Token) -> dict[str, Any]:
    """Show this actor as ``name``; its old name stays an alias."""
    return _apply(ctx, lambda s: store_curation.rename(s, actor, body.name))


@router.get("/curation", response_model=list[DecisionOut], summary="Curation decisions")
def decisions(store: ReadStore) -> list[dict[str, Any]]:
    """The curation decisions in force, oldest first."""
    return [d.to_dict() for d in store_curation.decisions(store)]


@router.post(
    "/curation/{decision_id}/undo",
    response_model=ChangeOut,
    summary="Undo a curation decision (needs the server token)",
    responses=WRITE_RESPONSES,
)
def undo(decision_id: DecisionId, ctx: Ctx, _: Token) -> dict[str, Any]:
    """Drop the decision and resolve the articles it moved again without it."""
    return _apply(ctx, lambda s: store_curation.undo(s, decision_id))
