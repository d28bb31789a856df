"""Browser tests: Debian's headless Chromium driven by Playwright against the live server."""

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


@pytest.fixture(scope="module")
def allow_sync_orm_beside_playwright():
    """Playwright's sync API keeps an event loop running in the test's thread, and Django's ORM
    calls from that thread are still synchronous: the guard is lifted while the browser lives,
    and only then, so it never leaks into later tests or their subprocesses."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(
        reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)"
    )
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="module")
def browser(allow_sync_orm_beside_playwright):
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
