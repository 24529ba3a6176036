"""Fixtures for the web tests: a small database built from hand-made analyses, and clients."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_fixtures import build_db

from communique.records import Analysis, Article, Document, content_hash
from communique.web import create_app


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: runs the real NLP pipeline (about 10 s)")
    config.addinivalue_line("markers", "browser: drives headless Chromium against a live server")


@pytest.fixture
def web_db(tmp_path: Path) -> Path:
    return build_db(tmp_path / "web.db")


@pytest.fixture
def client(web_db: Path) -> TestClient:
    return TestClient(create_app(str(web_db)))


class FakeAnalyzer:
    """Stands in for ``communique.analyzer.Analyzer``: the text as body, nothing extracted."""

    def __init__(self) -> None:
        self.calls = 0

    def analyze_one(self, document: Document) -> Analysis:
        self.calls += 1
        text = document.text or document.html or ""
        article = Article(
            id=document.id or content_hash(text),
            source=document.source,
            text=text,
            body=((0, len(text)),),
            content_hash=content_hash(text),
            title=document.title,
            outlet=document.outlet,
            published=document.published,
            url=document.url,
        )
        return Analysis(article=article)


@pytest.fixture
def writable(web_db: Path) -> Callable[..., tuple[TestClient, list[FakeAnalyzer]]]:
    """A client whose app has a token and a fake analyzer; returns it and the analyzers built."""

    def make(token: str | None = "s3cret") -> tuple[TestClient, list[FakeAnalyzer]]:
        built: list[FakeAnalyzer] = []

        def factory() -> FakeAnalyzer:
            built.append(FakeAnalyzer())
            return built[-1]

        return TestClient(create_app(str(web_db), token=token, analyzer_factory=factory)), built

    return make
