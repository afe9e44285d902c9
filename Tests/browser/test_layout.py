"""Builds the demo site (the repository's own content/) and looks at its map pages in headless Chromium at the
widths readers use: a phone (400 px) and a laptop (1,400 px), light and dark.

Run through scripts/browser-tests, or: TROPA=.build/debug/tropa python3 -m pytest Tests/browser
"""
import os
import pathlib
import shutil
import subprocess
import tempfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
TROPA = pathlib.Path(os.environ.get("TROPA", ROOT / ".build/debug/tropa"))
SEVEN_STAGES = "ecommerce/robot-pylesos/index.html"


@pytest.fixture(scope="module")
def demo():
    folder = pathlib.Path(tempfile.mkdtemp(prefix="tropa-demo-"))
    output = folder / "public"
    result = subprocess.run([str(TROPA), "build", str(ROOT), "--output", str(output)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    yield output
    shutil.rmtree(folder)


def html_pages(output: pathlib.Path) -> list:
    return sorted(output.rglob("*.html"))


@pytest.fixture
def viewport(browser):
    """Sets the page's width (and colour scheme) exactly, and puts both back after the test."""
    def set_viewport(width: int, height: int = 900, dark: bool = False):
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [
            {"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})
    yield set_viewport
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def test_the_demo_has_the_seven_stage_map(demo):
    assert (demo / SEVEN_STAGES).exists()
    assert len(html_pages(demo)) >= 10


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_no_page_scrolls_sideways_on_a_phone(browser, viewport, demo, dark):
    """A map's table scrolls inside its box; nothing in it (the screen-reader words of experience items among them)
    may widen the page."""
    viewport(400, dark=dark)
    wide = {}
    for page in html_pages(demo):
        browser.get(page.as_uri())
        width = browser.execute_script("return document.documentElement.scrollWidth")
        if width > 400:
            wide[str(page.relative_to(demo))] = width
    assert wide == {}


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_seven_stages_fit_a_laptop_screen(browser, viewport, demo, dark):
    viewport(1400, dark=dark)
    browser.get((demo / SEVEN_STAGES).as_uri())
    found = browser.execute_script("""
        const box = document.querySelector('.table-scroll');
        const headers = [...document.querySelectorAll('.cjm thead th')].map(th => th.getBoundingClientRect());
        const labels = [...document.querySelectorAll('.curve-cell .stages text')].map(t => t.getBoundingClientRect());
        return {
          stages: headers.length - 1,
          pageWidth: document.documentElement.scrollWidth,
          boxRight: box.getBoundingClientRect().right,
          sideways: box.scrollWidth - box.clientWidth,
          upAndDown: box.scrollHeight - box.clientHeight,
          overflowY: getComputedStyle(box).overflowY,
          lastHeaderRight: headers[headers.length - 1].right,
          lastLabelRight: labels.length ? labels[labels.length - 1].right : null,
        };
    """)
    assert found["stages"] == 7
    assert found["pageWidth"] <= 1400
    assert found["sideways"] <= 0, "every stage's column is in view"
    assert found["lastHeaderRight"] <= found["boxRight"] + 0.5
    assert found["lastLabelRight"] is not None and found["lastLabelRight"] <= found["boxRight"] + 0.5
    # The table scrolls in one direction only: sideways when it must, never up and down inside the page.
    assert found["upAndDown"] <= 0 and found["overflowY"] not in ("auto", "scroll")


def test_every_score_has_a_drawn_face(browser, viewport, demo):
    """Faces are drawn by the theme, not left to an emoji font the machine may lack."""
    viewport(1400)
    browser.get((demo / SEVEN_STAGES).as_uri())
    faces = browser.execute_script("""
        return [...document.querySelectorAll('.cjm ul.emotions li')].map(li => {
          const face = li.querySelector('svg.face');
          const box = face ? face.getBoundingClientRect() : null;
          return {
            drawn: !!face && box.width >= 12 && box.height >= 12 && face.getAttribute('aria-hidden') === 'true',
            score: (li.querySelector('.score') || {}).textContent || '',
            emoji: /\\p{Extended_Pictographic}/u.test(li.textContent),
          };
        });
    """)
    assert len(faces) == 13
    assert all(face["drawn"] for face in faces), faces
    assert all(face["score"] for face in faces), faces
    assert not any(face["emoji"] for face in faces), faces


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_rows_empty_in_most_stages_take_little_height(browser, viewport, demo, dark):
    """A row with entries in few stages is as tall as its longest entry; the theme sets it tighter, so it takes
    clearly less height than the same row set like the others, and stays readable."""
    viewport(1400, dark=dark)
    browser.get((demo / SEVEN_STAGES).as_uri())
    found = browser.execute_script("""
        const rows = [...document.querySelectorAll('.cjm tbody tr.sparse')];
        const height = () => rows.map(row => row.getBoundingClientRect().height);
        const tight = height();
        const smallest = Math.min(...rows.flatMap(row => [...row.querySelectorAll('td')])
            .filter(td => td.textContent.trim()).map(td => parseFloat(getComputedStyle(td).fontSize)));
        rows.forEach(row => row.classList.remove('sparse'));
        const loose = height();
        rows.forEach(row => row.classList.add('sparse'));
        return {names: rows.map(row => row.querySelector('th').textContent), tight, loose, smallest};
    """)
    assert found["names"] == ["Описание этапа", "Вопросы", "Точки контакта", "Ожидания", "Барьеры"]
    for name, tight, loose in zip(found["names"], found["tight"], found["loose"]):
        assert tight <= 0.95 * loose, f"{name}: {tight} px set tight, {loose} px otherwise"
    # Stage descriptions are set small already; the lists and texts gain most. Together, a quarter less.
    assert sum(found["tight"]) <= 0.8 * sum(found["loose"]), found
    assert found["smallest"] >= 12


TWO_STAGES = """---
title: Выдача кредита
---

## Заявка

### Цель
Подать заявку.

### Действия
- Заполняет анкету

### Эмоции
-1 Долго

## Выдача

### Цель
Получить деньги.

### Действия
- Подписывает договор

### Эмоции
+1 Быстро
"""


@pytest.fixture(scope="module")
def two_stages():
    folder = pathlib.Path(tempfile.mkdtemp(prefix="tropa-two-"))
    (folder / "content").mkdir()
    (folder / "tropa.yml").write_text("language: ru\n", encoding="utf-8")
    (folder / "content/dva.md").write_text(TWO_STAGES, encoding="utf-8")
    result = subprocess.run([str(TROPA), "build", str(folder)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    yield folder / "public/dva/index.html"
    shutil.rmtree(folder)


@pytest.mark.parametrize("width", [1400, 400])
def test_a_map_of_two_stages_draws_its_curve_near_the_tables_size(browser, viewport, two_stages, width):
    """The curve scales with the stage columns: stretched over a laptop's width, two stages would draw its labels
    three times the table's text; a column stops growing at 14rem."""
    viewport(width)
    browser.get(two_stages.as_uri())
    scale = browser.execute_script("""
        const svg = document.querySelector('.curve-cell svg');
        return svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    """)
    assert 0.7 <= scale <= 1.25, scale
