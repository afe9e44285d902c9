"""Builds Tests/Fixtures/sites/xss, whose every author-controlled value carries script payloads, and opens every
page and SVG file of the output in headless Chromium: no payload may run and no injected element may exist.
The same site built with `unsafe_html: true` shows that raw HTML then does reach the page.

Run through scripts/browser-tests, or: TROPA=.build/debug/tropa python3 -m pytest Tests/browser
"""
import os
import pathlib
import shutil
import subprocess
import tempfile

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "Tests/Fixtures/sites/xss"
TROPA = pathlib.Path(os.environ.get("TROPA", ROOT / ".build/debug/tropa"))

# File names may carry payloads too; they are made here rather than committed, since not every file
# system accepts quotes and angle brackets in names.
HOSTILE_PERSONA = "'><svg onload=window.__xss=1>"
HOSTILE_FILES = {
    'content/"><img src=x onerror=window.__xss=1>.md': (
        "---\n"
        "title: 'Named by its file'\n"
        f"persona: \"{HOSTILE_PERSONA}\"\n"
        "---\n\n## Stage\n\n### Goal\nGoal.\n\n### Emotions\n0 Calm\n"
    ),
    f"content/personas/{HOSTILE_PERSONA}.md": "---\nname: 'Persona named by its file'\n---\nDescription.\n",
    "content/<svg onload=window.__xss=1>.txt": "a static file with a hostile name\n",
}

# Every element the theme must never emit: it has no scripts, frames or forms of its own.
FORBIDDEN = "script, iframe, frame, object, embed, form, base, meta[http-equiv], [id^=xss-]"

# What a page reveals of payloads that ran or were injected: the marker, event-handler attributes and
# URLs with a scheme that runs code.
INSPECT = """
const handlers = [];
for (const element of document.querySelectorAll('*')) {
  for (const attribute of element.attributes) {
    if (/^on/i.test(attribute.name)) handlers.push(element.tagName + ' ' + attribute.name);
  }
}
const urls = [];
for (const element of document.querySelectorAll('[href], [src], [action], [formaction], [data]')) {
  for (const name of ['href', 'src', 'action', 'formaction', 'data']) {
    const value = element.getAttribute(name);
    if (value !== null && /^\\s*(javascript|vbscript|data):/i.test(value)) urls.push(name + '=' + value);
  }
}
return {
  marker: window.__xss === undefined ? null : String(window.__xss),
  title: document.title,
  forbidden: [...document.querySelectorAll(arguments[0])].map(e => e.outerHTML.slice(0, 120)),
  handlers: handlers,
  urls: urls,
};
"""

# Fires the events an injected handler could wait for, on every element; inline handlers run for
# synthetic events as for real ones. No clicks: a click on a link would leave the page.
PROVOKE = """
for (const element of document.querySelectorAll('*')) {
  for (const type of ['mouseover', 'mouseenter', 'mousemove', 'focus', 'animationstart']) {
    const event = type === 'focus' ? new FocusEvent(type) : new MouseEvent(type, {bubbles: true, cancelable: true});
    element.dispatchEvent(event);
  }
}
"""


def build(site: pathlib.Path, output: pathlib.Path) -> None:
    result = subprocess.run([str(TROPA), "build", str(site), "--output", str(output), "--drafts"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def make_site(workspace: pathlib.Path, name: str, unsafe_html: bool) -> pathlib.Path:
    site = workspace / name
    shutil.copytree(FIXTURE, site)
    for path, text in HOSTILE_FILES.items():
        (site / path).write_text(text, encoding="utf-8")
    if unsafe_html:
        with open(site / "tropa.yml", "a", encoding="utf-8") as config:
            config.write("unsafe_html: true\n")
    output = workspace / (name + "-public")
    build(site, output)
    return output


@pytest.fixture(scope="session")
def workspace():
    folder = pathlib.Path(tempfile.mkdtemp(prefix="tropa-xss-"))
    yield folder
    shutil.rmtree(folder)


@pytest.fixture(scope="session")
def safe_output(workspace):
    return make_site(workspace, "safe", unsafe_html=False)


@pytest.fixture(scope="session")
def unsafe_output(workspace):
    return make_site(workspace, "unsafe", unsafe_html=True)


def pages(output: pathlib.Path) -> list:
    return sorted(p for p in output.rglob("*") if p.suffix in (".html", ".svg"))


def open_alert(driver):
    try:
        alert = driver.switch_to.alert
        return alert.text
    except NoAlertPresentException:
        return None


def inspect(driver, page: pathlib.Path) -> dict:
    driver.get(page.as_uri())
    assert open_alert(driver) is None, f"{page}: an alert opened on load"
    # Real pointer moves over the elements authors fill: headings, cells, list items, links, curve points.
    targets = driver.find_elements(By.CSS_SELECTOR, "h1, h2, th, td, li, a, dd, summary, .point")
    for element in targets[:30]:
        try:
            ActionChains(driver).move_to_element(element).perform()
        except Exception:  # an element outside the viewport or hidden; the synthetic events below cover it
            pass
    assert open_alert(driver) is None, f"{page}: an alert opened on hover"
    driver.execute_script(PROVOKE)
    assert open_alert(driver) is None, f"{page}: an alert opened on an event"
    return driver.execute_script(INSPECT, FORBIDDEN)


def test_the_site_has_every_kind_of_page(safe_output):
    names = {p.relative_to(safe_output).as_posix() for p in pages(safe_output)}
    for expected in ["index.html", "dashboard/index.html", "journey/index.html", "journey/emotions.svg",
                     "draft/index.html", "personas/hostile/index.html", "plan/index.html", "compare/journey/index.html"]:
        assert expected in names
    # The hostile file names became a map and a persona page of their own, under ASCII slugs.
    assert len([n for n in names if n.startswith("personas/")]) == 2
    # The hostile product, segments and tags have pages of their own too.
    for folder, count in [("products/", 1), ("segments/", 2), ("tags/", 3)]:
        assert len([n for n in names if n.startswith(folder)]) == count, folder
    assert len([n for n in names if n.endswith("/index.html")]) == 14


def test_no_payload_runs_on_any_page(browser, safe_output):
    problems = []
    for page in pages(safe_output):
        found = inspect(browser, page)
        name = page.relative_to(safe_output)
        if found["marker"] is not None:
            problems.append(f"{name}: a payload ran")
        if found["title"] == "PWNED":
            problems.append(f"{name}: a payload set the title")
        problems += [f"{name}: injected {what}: {found[what]}" for what in ["forbidden", "handlers", "urls"]
                     if found[what]]
    assert problems == []


def test_payloads_are_shown_as_text(browser, safe_output):
    """Escaping must keep the author's text, not drop it."""
    browser.get((safe_output / "journey/index.html").as_uri())
    text = browser.find_element(By.TAG_NAME, "body").text
    for shown in ["Map <script>window.__xss=1</script>", "Product <img src=x onerror=window.__xss=1>",
                  '" onmouseover="window.__xss=1" x=" </textarea><svg onload=window.__xss=1>',
                  "Stage <img src=x onerror=window.__xss=1>", "Evil <img src=x onerror=window.__xss=1> {{{x}}}",
                  "{{{x}}} {{#a}}b{{/a}}", "{{page.root}}", "Mustache: {{{x}}} {{#a}}b{{/a}} {{>base}}",
                  "Persona <script>window.__xss=1</script>"]:
        assert shown in text
    assert browser.title.startswith("Map <script>window.__xss=1</script> </title><script>")
    browser.get((safe_output / "index.html").as_uri())
    assert "Site <script>window.__xss=1</script>" in browser.find_element(By.TAG_NAME, "header").text


def test_raw_html_is_omitted_by_default(browser, safe_output):
    page = safe_output / "journey/index.html"
    assert "<!-- raw HTML omitted -->" in page.read_text(encoding="utf-8")
    browser.get(page.as_uri())
    assert browser.find_elements(By.ID, "xss-raw-html") == []


def test_raw_html_reaches_the_page_only_with_unsafe_html(browser, unsafe_output):
    page = unsafe_output / "journey/index.html"
    assert "<!-- raw HTML omitted -->" not in page.read_text(encoding="utf-8")
    found = inspect(browser, page)
    assert browser.find_element(By.ID, "xss-raw-html").text == "raw HTML that only unsafe_html lets through"
    # The author's own <script> blocks ran: the option does what it says.
    assert found["title"] == "PWNED"
    assert found["marker"] == "1"
    # Front-matter and other plain values are still text, whatever the option.
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Map <script>window.__xss=1</script>")
    persona = unsafe_output / "personas/hostile/index.html"
    browser.get(persona.as_uri())
    assert browser.find_element(By.ID, "xss-persona-description").text == "raw HTML"
