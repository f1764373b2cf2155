"""Quality gates in Debian's Chromium, over every page the built site has (every English
page, and a sample of each other language's pages: quality_checks.BROWSER_SAMPLE).

One pass per page per colour scheme (light, dark) in a single browser context: load the
page, confirm the scheme is really applied, run axe-core (WCAG 2.0/2.1/2.2 A and AA),
and record console messages, requests to other hosts, storage and cookies. The tests
below then read that record. Separate walks check instant navigation across all pages
and keyboard-only use of every widget (the planner included once it is merged).
"""

from __future__ import annotations

import re
from collections import defaultdict
from urllib.parse import urljoin

import pytest

from quality_checks import AXE_JS, AXE_TAGS, BROWSER_SAMPLE, browser_pages, page_title, site_pages
from support import languages

pytestmark = pytest.mark.browser

SCHEMES = {"light": "default", "dark": "slate"}  # emulated preference -> Material scheme
AXE_RUN = """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(r => r.violations.map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')}`))"""
STORAGE_KEYS = """() => [...Object.keys(localStorage).map(k => 'local:' + k),
                       ...Object.keys(sessionStorage).map(k => 'session:' + k)]"""


def _watch(page, site_url, console, outside):
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
    page.on("request", lambda r: outside.append(r.url)
            if not r.url.startswith((site_url, "data:", "blob:")) else None)


@pytest.fixture(scope="session")
def audit(browser, site):
    """Load every page once per colour scheme; return what each load showed."""
    pages = _pages(site)
    result = {}
    for scheme in SCHEMES:
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        console, outside = [], []
        _watch(page, site.url, console, outside)
        rec = {"axe": {}, "console": defaultdict(list), "scheme": {}, "storage": set()}
        for path in pages:
            console.clear()
            page.goto(site.url + path, wait_until="load")
            rec["scheme"][path] = page.evaluate(
                "[document.body.dataset.mdColorScheme, getComputedStyle(document.body).backgroundColor]")
            page.add_script_tag(path=str(AXE_JS))
            rec["axe"][path] = page.evaluate(AXE_RUN, AXE_TAGS)
            rec["storage"].update(page.evaluate(STORAGE_KEYS))
            page.wait_for_timeout(50)  # late console messages from this page's scripts
            rec["console"][path] = list(console)
        # What the reader can do that may store something: search, and the palette toggle.
        page.goto(site.url)
        search = page.locator("input.md-search__input")
        search.click()
        search.type("guide", delay=10)
        page.locator(".md-search-result__list a").first.wait_for(timeout=10_000)
        page.keyboard.press("Escape")
        page.locator("form[data-md-component='palette'] label:visible").first.click()
        rec["storage"].update(page.evaluate(STORAGE_KEYS))
        rec["console"]["(search and palette toggle)"] = list(console)
        rec["outside"] = list(outside)
        rec["cookies"] = context.cookies()
        context.close()
        result[scheme] = rec
    return result


def _pages(site) -> list[str]:
    return browser_pages(site.dir, tuple(x for x in languages().built if x != languages().root))


def test_every_page_was_audited(audit, site):
    pages = _pages(site)
    assert "" in pages and "404.html" in pages and len(pages) >= 3
    for lang in languages().built:
        if lang != languages().root:
            missing = [f"{lang}/{p}" for p in BROWSER_SAMPLE if f"{lang}/{p}" not in pages]
            assert not missing, f"the {lang} sample pages were not built: {missing}"
    for rec in audit.values():
        assert sorted(rec["axe"]) == pages


@pytest.mark.parametrize("scheme", SCHEMES)
def test_colour_scheme_is_really_applied(audit, scheme):
    def luminance(css_rgb: str) -> float:
        r, g, b = (int(x) for x in re.findall(r"\d+", css_rgb)[:3])
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255

    dark = scheme == "dark"
    wrong = {p: s for p, s in audit[scheme]["scheme"].items()
             if s[0] != SCHEMES[scheme] or (luminance(s[1]) < 0.5) != dark}
    assert not wrong, f"pages not in the {SCHEMES[scheme]} scheme under prefers-color-scheme {scheme}: {wrong}"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_wcag_violations(audit, scheme):
    found = {p: v for p, v in audit[scheme]["axe"].items() if v}
    assert not found, f"axe-core WCAG 2.2 A/AA violations ({scheme} mode): {found}"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_console_errors_or_warnings(audit, scheme):
    found = {p: m for p, m in audit[scheme]["console"].items() if m}
    assert not found, f"console errors or warnings ({scheme} mode): {found}"


def test_no_requests_to_other_hosts_and_no_cookies(audit):
    for scheme, rec in audit.items():
        assert rec["outside"] == [], f"{scheme}: requests to other hosts: {sorted(set(rec['outside']))}"
        assert rec["cookies"] == [], f"{scheme}: cookies set: {rec['cookies']}"


def _about_privacy_keys(site) -> set[str]:
    html = site.page_html("about/")
    section = re.search(r'<h2 id="privacy".*?(?=<h2|</article>)', html, re.S)
    assert section, "the About page has no Privacy section (id=privacy)"
    return set(re.findall(r"<code>(__\w+)</code>", section.group(0)))


def _declared_storage_keys(site) -> set[str]:
    """Keys a widget declares with data-app-storage-key: written only when the reader saves
    (tests/test_companion_browser.py checks that the key written is the one declared)."""
    keys = set()
    for path in site_pages(site.dir):
        file = site.dir / (path if path.endswith(".html") else path + "index.html")
        keys.update(re.findall(r'data-app-storage-key="([^"]*)"', file.read_text(encoding="utf-8")))
    return keys


def test_storage_is_exactly_what_the_about_page_says(audit, site):
    """Loading pages stores only the theme's colour scheme; the About page names that key
    and every key a widget declares, and no other."""
    observed = set()
    for rec in audit.values():
        for key in rec["storage"]:
            area, _, name = key.partition(":")
            # Material prefixes each key with the site's path ("/.__palette").
            observed.add((area, re.sub(r"^.*?\.(?=__)", "", name)))
    assert observed == {("local", "__palette")}, f"storage beyond the colour scheme: {observed}"
    declared = _declared_storage_keys(site)
    assert all(re.fullmatch(r"__\w+", k) for k in declared), declared
    assert _about_privacy_keys(site) == {name for _, name in observed} | declared


def test_axe_can_fail(browser):
    """Negative control: axe, as configured here, reports a page with known faults."""
    page = browser.new_page()
    page.set_content('<html><body><img src="x.png"><p style="color:#bbb;background:#fff">faint</p>'
                     '<input type="text"></body></html>')
    page.add_script_tag(path=str(AXE_JS))
    ids = {v.split(" ")[0] for v in page.evaluate(AXE_RUN, AXE_TAGS)}
    page.close()
    assert {"image-alt", "color-contrast", "label"} <= ids, ids


# ------------------------------------------------------------------ instant navigation

CLICK_LINK_TO = """target => {
  const abs = new URL(target, location.href).href;
  let a = [...document.querySelectorAll('a[href]')].find(a => a.href === abs);
  if (!a) {  // no link to it on this page: add one, as a cross-link would be
    a = document.createElement('a');
    a.href = target;
    a.textContent = 'next';
    document.querySelector('.md-content').append(a);
  }
  a.click();
  return abs;
}"""


@pytest.mark.parametrize("lang", languages().built)
def test_instant_navigation_through_every_page_logs_nothing(tab, site, lang):
    """Visit every page of one language by clicking a link from the previous one, in one
    document. (Another language is a full page load, so that <html lang> and the search
    follow: tests/site/test_two_languages.py checks the switcher's target.)"""
    page = tab.page
    prefix = languages().prefix(lang)
    home = urljoin(site.url, prefix)
    # Material decides which links to load instantly from sitemap.xml: wait until it has it.
    page.goto(home, wait_until="networkidle")
    # On a loaded machine Material can still be reading the sitemap after the network is idle,
    # so the very first click may be a full load. Warm up with one click until a click stays
    # in the document (a few tries at most); from then on every page must load instantly.
    for _ in range(5):
        page.evaluate("window.__sameDocument = 'yes'")
        abs_url = page.evaluate(CLICK_LINK_TO, urljoin(home, "start-here/"))
        page.wait_for_function("u => location.href.split('#')[0] === u", arg=abs_url, timeout=10_000)
        if page.evaluate("window.__sameDocument") == "yes":
            break
        page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__sameDocument") == "yes", "instant navigation never started"
    others = tuple(x for x in languages().built if x != languages().root)
    in_lang = (lambda p: p.startswith(prefix)) if prefix else (lambda p: p.split("/", 1)[0] not in others)
    walk = [p for p in _pages(site) if p.endswith("/") and in_lang(p)] + [prefix]
    for path in walk:
        expected = page_title(site.dir, path)
        abs_url = page.evaluate(CLICK_LINK_TO, urljoin(site.url, path))
        page.wait_for_function("([u, t]) => location.href.split('#')[0].split('?')[0] === u && document.title === t",
                               arg=[abs_url, expected], timeout=10_000)
        assert page.evaluate("window.__sameDocument") == "yes", f"{path} was a full page load, not instant"
    page.wait_for_timeout(200)
    assert tab.console_errors == []
    assert tab.outside_requests == []


# ------------------------------------------------------------------------- keyboard

KEYBOARD_STATE = """() => {
  const el = document.activeElement;
  const root = document.querySelector('.md-content');
  const name = e => {
    const by = e.getAttribute('aria-labelledby');
    if (by) return by.split(/\\s+/).map(id => (document.getElementById(id) || {}).textContent || '').join(' ').trim();
    if (e.getAttribute('aria-label')) return e.getAttribute('aria-label').trim();
    if (e.labels && e.labels.length) return [...e.labels].map(l => l.textContent).join(' ').trim();
    if (e.tagName === 'BUTTON') return e.textContent.trim();
    return (e.title || '').trim();
  };
  const cs = getComputedStyle(el);
  const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
  const controls = [...root.querySelectorAll('input, select, textarea, button')]
    .filter(c => !c.closest('.tabbed-set, .app-checklist') && c.type !== 'hidden' && !c.disabled && c.getClientRects().length);
  const live = [...root.querySelectorAll('[aria-live], [role=status], [role=alert], output')]
    .map(l => l.textContent.trim()).join(' | ');
  return {inside: root.contains(el), index: controls.indexOf(el), tag: el.tagName, type: el.type || '',
          numeric: el.inputMode === 'decimal' || el.inputMode === 'numeric', empty: el.value === '',
          name: name(el), group: el.type === 'radio' ? el.name : '', // Chromium never matches :focus-visible on a date input (focus sits in its inner fields),
          // so there the ring drawn by our :focus rule is what the user sees.
          // A time input: focus sits in its inner fields too; our :focus-within rule draws the ring.
          focusVisible: el.type === 'date' && !el.matches(':focus') ? true
            : el.type === 'time' ? el.matches(':focus-within') && ring : el.matches(':focus-visible') && ring,  // a date input's last stop is the browser's own calendar button
          groups: new Set(controls.map(c => c.type === 'radio' ? 'radio:' + c.name : 'el:' + controls.indexOf(c))).size,
          live, hasLive: !!root.querySelector('[aria-live], [role=status], [role=alert], output')};
}"""
START_AT_HEADING = """() => { const h = document.querySelector('.md-content h1');
  h.setAttribute('tabindex', '-1'); h.focus(); }"""
CHANGE_KEY = {"number": "ArrowUp", "range": "ArrowRight", "radio": "ArrowRight", "checkbox": "Space",
              "select-one": "ArrowDown", "date": "ArrowUp"}


def keyboard_problems(page) -> list[str]:
    """Tab through the widget in ``.md-content`` using only the keyboard; list what fails.

    Checks: every control is reached, in document order; each has a visible focus
    indicator and an accessible name; a live region announces a new result after the
    controls are changed with keys.
    """
    problems: list[str] = []
    page.evaluate(START_AT_HEADING)
    first = page.evaluate(KEYBOARD_STATE)
    before, order, groups_seen = first["live"], [], set()
    for _ in range(200):
        page.keyboard.press("Tab")
        s = page.evaluate(KEYBOARD_STATE)
        if not s["inside"]:
            break
        if s["index"] < 0:
            continue
        order.append(s["index"])
        groups_seen.add("radio:" + s["group"] if s["group"] else f"el:{s['index']}")
        label = f"{s['tag'].lower()}[{s['type']}] #{s['index']}"
        if not s["name"]:
            problems.append(f"{label} has no accessible name")
        if not s["focusVisible"]:
            problems.append(f"{label} shows no visible focus")
        key = CHANGE_KEY.get(s["type"])
        if s["type"] == "text" and s["numeric"] and s["empty"]:
            page.keyboard.type("5")  # a number field written as text (it takes "4,5" and "4 cm"): type one
            page.wait_for_timeout(150)
        elif key:
            page.keyboard.press(key)
            page.wait_for_timeout(150)
    if not order:
        return ["no control in the widget is reachable with Tab"]
    if order != sorted(order):
        problems.append(f"tab order differs from reading order: {order}")
    if len(groups_seen) < first["groups"]:
        problems.append(f"only {len(groups_seen)} of {first['groups']} controls reachable with Tab")
    after = page.evaluate(KEYBOARD_STATE)
    if not after["hasLive"]:
        problems.append("no live region (aria-live, role=status or output) announces the result")
    elif after["live"] == before:
        problems.append("the live region did not change after keyboard input")
    return problems


GOOD_WIDGET = """<!doctype html><html lang="en"><body><main class="md-content"><h1>Widget</h1>
<form><label for="a">Amount</label> <input id="a" type="number" value="5">
<fieldset><legend>Bone</legend><label><input type="radio" name="b" value="1" checked> One</label>
<label><input type="radio" name="b" value="2"> Two</label></fieldset>
<label for="s">Kind</label> <select id="s"><option>x</option><option>y</option></select></form>
<p aria-live="polite" id="out">Estimate: 5</p>
<script>document.querySelector('form').addEventListener('input', () => {
  document.getElementById('out').textContent = 'Estimate: ' + document.getElementById('a').value
    + document.querySelector('input[name=b]:checked').value + document.getElementById('s').value; });</script>
</main></body></html>"""
BAD_WIDGET = """<!doctype html><html lang="en"><head><style>input:focus{outline:none}</style></head><body>
<main class="md-content"><h1>Widget</h1><input type="number" value="5"> <input type="text" tabindex="1">
<p>Estimate: 5</p></main></body></html>"""


def test_keyboard_check_can_fail(browser):
    """Negative control: the keyboard check passes a good widget and catches a bad one."""
    page = browser.new_page()
    page.set_content(GOOD_WIDGET)
    assert keyboard_problems(page) == []
    page.set_content(BAD_WIDGET)
    problems = " / ".join(keyboard_problems(page))
    page.close()
    for expected in ("no accessible name", "no visible focus", "no live region"):
        assert expected in problems, problems


def _widget_pages(site) -> list[str]:
    """Pages whose content has form fields (the planner, the growth estimator...)."""
    pages = []
    for path in site_pages(site.dir):
        html = (site.dir / (path if path.endswith(".html") else path + "index.html")).read_text(encoding="utf-8")
        article = html.split('<article class="md-content__inner', 1)[-1].split("</article>", 1)[0]
        # A printable checklist's boxes are not a widget with a result to announce.
        article = re.sub(r'<ul class="app-checklist">.*?</ul>', "", article, flags=re.S)
        # Form fields make a widget; content tabs and task lists use inputs of their own.
        if re.search(r'<(select|textarea)\b|<input\b(?![^>]*(type="?hidden|name="?__tabbed|disabled))', article):
            pages.append(path)
    return pages


def test_widgets_work_with_the_keyboard_alone(tab, site):
    """Every page with form controls in its content: the planner, the growth estimator..."""
    widgets = _widget_pages(site)
    if (site.dir / "lengthening" / "planner" / "index.html").exists():
        assert "lengthening/planner/" in widgets, "the planner page has no form controls"
    failures = {}
    for path in widgets:
        tab.page.goto(site.url + path)
        if problems := keyboard_problems(tab.page):
            failures[path] = problems
    assert not failures, f"keyboard-only use fails: {failures}"
    assert tab.console_errors == []


def test_site_chrome_works_with_the_keyboard(tab, site):
    """First Tab shows the skip link; search and the palette toggle have names."""
    page = tab.page
    page.goto(site.url + "about/")
    page.keyboard.press("Tab")
    skip = page.evaluate("[document.activeElement.className, document.activeElement.textContent.trim(),"
                         " document.activeElement.getBoundingClientRect().height]")
    assert "md-skip" in skip[0] and skip[1] and skip[2] > 0, skip
    assert page.get_attribute(".md-search", "aria-label"), "the search dialog has no accessible name"
    assert page.locator("input.md-search__input").get_attribute("aria-label")
    for label in page.locator("form[data-md-component='palette'] label").all():
        assert label.get_attribute("title"), "a palette toggle has no name"


def test_request_and_storage_recording_can_fail(browser, site):
    """Negative control: a third-party request, a cookie and a stored key are all seen."""
    context = browser.new_context()
    page = context.new_page()
    console, outside = [], []
    _watch(page, site.url, console, outside)
    page.goto(site.url + "404.html")
    page.evaluate("""() => { document.cookie = 'track=1; path=/'; sessionStorage.setItem('x', '1');
        const img = new Image(); img.src = 'https://tracker.invalid/pixel.png'; document.body.append(img); }""")
    page.wait_for_timeout(300)
    keys = page.evaluate(STORAGE_KEYS)
    cookies = context.cookies()
    context.close()
    assert "https://tracker.invalid/pixel.png" in outside
    assert [c["name"] for c in cookies] == ["track"]
    assert "session:x" in keys


# ------------------------------------------------------------------- the treatment companion

def _companion_with_a_plan(page, site):
    """The companion as a family uses it: the team's numbers typed in, a change, a diary day."""
    page.goto(site.url + "lengthening/companion/?amount=20", wait_until="networkidle")
    page.wait_for_selector(".app-companion[data-app-init] .app-companion__form")
    page.fill("#app-companion-start", "2027-03-08")
    page.fill("#app-companion-rate", "1")
    page.select_option("#app-companion-steps", "4")
    page.click(".app-companion__form button[type='submit']")
    page.fill("#app-companion-change-date", "2027-03-12")
    page.fill("#app-companion-change-rate", "0.5")
    page.select_option("#app-companion-change-steps", "4")
    page.click("button[data-action='add-change']")
    page.fill("#app-companion-d-date", "2027-03-08")
    page.fill("#app-companion-d-steps", "4")
    page.click("button[data-action='diary-save']")
    page.wait_for_selector(".app-companion__svg")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_companion_with_a_plan_and_a_diary_passes_axe(browser, site, scheme):
    """The audit above sees the companion empty; here with every part drawn (schedule,
    chart, changes, diary table and graph), in light and dark."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": 390, "height": 844})
    page = context.new_page()
    console, outside = [], []
    _watch(page, site.url, console, outside)
    _companion_with_a_plan(page, site)
    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(AXE_RUN, AXE_TAGS)
    context.close()
    assert violations == [], violations
    assert console == [] and outside == []


def test_companion_works_with_the_keyboard_alone(tab, site):
    """The companion's controls are built by its script (the widget walk above finds pages
    by their static form fields): every one is reached in order, named, with a visible focus,
    and the status line announces the result."""
    _companion_with_a_plan(tab.page, site)
    tab.page.evaluate("window.confirm = () => false")  # Tab never presses a button, but be safe
    assert keyboard_problems(tab.page) == []
    assert tab.console_errors == []
