"""Runs axe-core on every page of the demo site (the catalogue, every map page, every persona page), in the light
and the dark colour scheme, on a phone and a laptop, and expects no violation.

axe-core's script ships inside the PyPI package axe-playwright-python; only its file is used (selenium runs it),
so the package is installed without its Playwright dependency (scripts/browser-tests).
"""
import importlib.util
import json
import pathlib

import pytest

from test_layout import ROOT, demo, html_pages, viewport  # noqa: F401 (fixtures shared with the layout tests)


def axe_script() -> str:
    # find_spec locates the package without importing it (its __init__ imports Playwright, which is not installed).
    spec = importlib.util.find_spec("axe_playwright_python")
    assert spec is not None, "pip install --no-deps axe-playwright-python (scripts/browser-tests does)"
    return (pathlib.Path(next(iter(spec.submodule_search_locations))) / "axe.min.js").read_text(encoding="utf-8")


def describe(violations: list) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {' '.join(map(str, node['target']))}")
            lines.extend(f"      {line}" for line in node.get("failureSummary", "").splitlines())
    return "\n".join(lines)


def test_every_demo_page_is_checked(demo):
    """The pages checked below are the catalogue, the dashboard, the action plan's pages, one page per persona and
    one per map that is not a draft (and its history page, in a git work tree), and the site's comparison, tag and
    segment pages."""
    content = ROOT / "content"
    personas = sorted(content.glob("personas/*.md"))
    maps = [path for path in sorted(content.glob("*/*.md"))
            if path.parent.name != "personas" and "\ndraft: true\n" not in path.read_text(encoding="utf-8")]
    pages = [page.relative_to(demo) for page in html_pages(demo)]
    overview = [page for page in pages if page.parts[0] in ("products", "compare", "tags", "segments")]
    # Inside a git work tree (this repository) each map has a history page too.
    histories = [page for page in pages if page.parent.name == "history"]
    assert len(histories) in (0, len(maps))
    # The demo's plan goes on over pages (`plan_page_size` in its tropa.yml), so their pager is checked too.
    plan = [page for page in pages if page.parts[0] == "plan"]
    assert pathlib.Path("plan/page/2/index.html") in plan
    assert len(pages) == 2 + len(plan) + len(personas) + len(maps) + len(overview) + len(histories)
    for folder in ("products", "compare", "tags", "segments"):
        assert any(page.parts[0] == folder for page in overview), folder
    assert pathlib.Path("index.html") in pages
    assert pathlib.Path("dashboard/index.html") in pages
    assert pathlib.Path("plan/index.html") in pages
    assert {page.parent.name for page in pages if page.parts[0] == "personas"} == {path.stem for path in personas}


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
# On a phone the map's table scrolls sideways, which axe checks too (a scrolling region must be reachable).
@pytest.mark.parametrize("width", [400, 1400], ids=["phone", "laptop"])
def test_axe_finds_no_violation_on_any_page(browser, viewport, demo, dark, width):
    viewport(width, dark=dark)
    script = axe_script()
    found = {}
    for page in html_pages(demo):
        browser.get(page.as_uri())
        browser.execute_script(script)
        result = browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document).then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify(String(e))));")
        violations = json.loads(result)
        assert isinstance(violations, list), violations
        if violations:
            found[str(page.relative_to(demo))] = describe(violations)
    assert not found, "\n\n".join(f"{page}:\n{text}" for page, text in sorted(found.items()))
