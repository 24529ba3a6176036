"""The API's query models: each filter set maps onto the store's filters of the same listing."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from communique.export import Filters as ExportFilters
from communique.store import queries
from communique.web.params import (
    ActorQuery,
    ArticleQuery,
    EventQuery,
    ExportQuery,
    QuoteQuery,
)


@pytest.mark.parametrize(
    ("model", "store_filters", "not_offered"),
    [
        (QuoteQuery, queries.QuoteFilters, set()),
        (ArticleQuery, queries.DocumentFilters, set()),
        (ActorQuery, queries.ActorFilters, set()),
        (EventQuery, queries.EventFilters, {"between"}),  # /api/dyads/{a}/{b} gives it
    ],
)
def test_a_query_model_passes_every_filter_of_its_listing(
    model: type[BaseModel], store_filters: Any, not_offered: set[str]
) -> None:
    """A filter added to the store's listing is offered by the API (or named here as not)."""
    given = model().filters()  # type: ignore[attr-defined]
    assert set(given) == set(store_filters.__annotations__) - not_offered


def test_a_query_model_maps_q_onto_the_store_words() -> None:
    assert QuoteQuery(q="Lavrov").filters()["about"] == "Lavrov"
    assert ArticleQuery(q="Syria").filters()["about"] == "Syria"
    assert ActorQuery(q="Lavrov").filters()["query"] == "Lavrov"
    assert ActorQuery().filters()["named"] is True
    assert ActorQuery(descriptions=True).filters()["named"] is None


def test_the_export_query_gives_the_export_filters() -> None:
    filters = ExportQuery(about="gas", country="rus", a="usa", b="rus", per_article=True).filters()
    assert filters == ExportFilters(about="gas", country="RUS", between=("USA", "RUS"))


def test_the_export_query_needs_both_sides_of_a_pair() -> None:
    with pytest.raises(ValueError, match="give a and b"):
        ExportQuery(a="USA").filters()


@pytest.mark.parametrize("url", ["/api/quotes?since=2023-13", "/api/events?until=2013-02-30"])
def test_the_api_refuses_dates_the_calendar_has_not(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 422
    assert "is not a date on the calendar" in r.json()["detail"][0]["msg"]
    assert (
        client.get(url.replace("2023-13", "2023-12").replace("02-30", "02-28")).status_code == 200
    )
