"""`tropa serve` in a real browser: a page reloads itself after a save, shows the error overlay while the map is
broken, and comes back once it is mended; all through the served page's own Server-Sent Events listener.

Run through scripts/browser-tests, or: TROPA=.build/debug/tropa python3 -m pytest Tests/browser
"""
import os
import pathlib
import re
import shutil
import subprocess
import tempfile

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
TROPA = pathlib.Path(os.environ.get("TROPA", ROOT / ".build/debug/tropa"))
FIXTURE = ROOT / "Tests/Fixtures/render/ru-persona"


@pytest.fixture()
def served():
    folder = pathlib.Path(tempfile.mkdtemp(prefix="tropa-live-"))
    site = folder / "site"
    shutil.copytree(FIXTURE, site)
    # The site says `language: ru`; the lines and the overlay read here are the English ones.
    server = subprocess.Popen([TROPA, "serve", site, "--port", "0", "--lang", "en"], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    url = None
    for line in server.stdout:
        match = re.match(r"serving (http://127\.0\.0\.1:\d+/)", line)
        if match:
            url = match.group(1)
            break
    assert url, "tropa serve did not start"
    yield site, url
    server.terminate()
    server.wait(timeout=10)
    shutil.rmtree(folder)


def edit(path: pathlib.Path, old: str, new: str):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_saved_map_reloads_the_open_page(served, browser):
    site, url = served
    page = site / "content/lumus/skripty.md"
    browser.get(url + "lumus/skripty/")
    assert "РОП выбирает" in browser.find_element(By.TAG_NAME, "h1").text
    # Gone after a reload: proves the page reloaded itself rather than being fetched again by the test.
    browser.execute_script("window.__beforeReload = true")
    wait = WebDriverWait(browser, 15)

    edit(page, "title: РОП выбирает", "title: Директор выбирает")
    wait.until(lambda b: "Директор выбирает" in b.find_element(By.TAG_NAME, "h1").text)
    assert browser.execute_script("return window.__beforeReload") is None

    edit(page, "### Эмоции", "### Эмоцйи")
    wait.until(lambda b: b.find_elements(By.CLASS_NAME, "tropa-overlay"))
    overlay = browser.find_element(By.CLASS_NAME, "tropa-overlay").text
    assert 'content/lumus/skripty.md:28:5: error: unknown layer "Эмоцйи"' in overlay
    assert 'did you mean "Эмоции"?' in overlay
    assert not browser.find_elements(By.CSS_SELECTOR, "table.cjm")

    edit(page, "### Эмоцйи", "### Эмоции")
    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "table.cjm"))
    assert not browser.find_elements(By.CLASS_NAME, "tropa-overlay")
    assert "Директор выбирает" in browser.find_element(By.TAG_NAME, "h1").text
