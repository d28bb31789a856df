"""Browser tests: Debian's headless Chromium driven by Playwright against the live server."""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"

# Playwright's sync API runs an event loop in the test's thread; Django's ORM calls from the same
# thread (the test's own set-up) are still synchronous, so the guard is lifted for these tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(
        reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)"
    )
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def site_static(settings):
    """Serve static/ (the pages' CSS) from the live server."""
    settings.STATICFILES_DIRS = [Path(settings.BASE_DIR) / "static"]


@pytest.fixture
def screenshots():
    """Save a page's screenshot under artifacts/screenshots/<language>/<name>.png."""

    def save(page, language: str, name: str) -> Path:
        folder = ARTIFACTS / language
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save
