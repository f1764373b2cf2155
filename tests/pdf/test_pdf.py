"""The PDF book (scripts/pdf, mkdocs-pdf.yml): every page in navigation order, faithful to
the HTML it was made from, with bookmarks, page numbers, working internal links, embedded
fonts, and no unrendered template text.

Expectations come from the HTML site the same build produced (the pages' own <h1> and text),
never from the PDF itself.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from support import ROOT


def pdftotext(pdf: Path, first: int | None = None, last: int | None = None, raw: bool = False) -> str:
    """The PDF's text; ``raw``: in drawing order, which keeps each table cell together."""
    cmd = ["pdftotext", "-enc", "UTF-8"] + (["-raw"] if raw else [])
    if first:
        cmd += ["-f", str(first)]
    if last:
        cmd += ["-l", str(last)]
    return subprocess.run(cmd + [str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def squash(text: str) -> str:
    """Text without whitespace or hyphens: where the PDF breaks lines does not matter
    (pdftotext joins a word broken after a hyphen without the hyphen)."""
    return re.sub(r"[\s\-\u00ad]+", "", text)


def nav_pages(site: Path) -> list[Path]:
    """The HTML files of the pages, in the order of the site's primary navigation."""
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    nav = soup.select_one("nav.md-nav--primary")
    pages: list[Path] = []
    for a in nav.select("a.md-nav__link[href]"):
        if a.find_parent(class_="md-nav--secondary"):  # the page's own table of contents
            continue
        href = a["href"].split("#")[0]
        file = (site / href).resolve()
        if file.is_dir():
            file = file / "index.html"
        if file not in pages:
            pages.append(file)
    return pages


def page_title(html_file: Path) -> str:
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    return soup.select_one("article h1").get_text(" ", strip=True).replace("¶", "").strip()


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """The PDF bookmarks, flattened: (depth, title, 0-based page index)."""
    flat: list[tuple[int, str, int]] = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                flat.append((depth, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return flat


@pytest.fixture(scope="module")
def reader(downloads) -> PdfReader:
    return PdfReader(str(downloads.pdf))


def test_pdf_is_built_and_sized(downloads, reader):
    size = downloads.pdf.stat().st_size
    pages = len(reader.pages)
    print(f"\nPDF: {pages} pages, {size / 1e6:.2f} MB")  # the size is reported (pytest -s / -rA)
    assert pages >= len(nav_pages(downloads.pdf_html)) + 2  # cover + contents + at least a page each
    assert 10_000 < size < 30_000_000


def test_every_page_title_in_navigation_order(downloads, reader):
    """Each nav page's <h1> is a bookmark, in nav order, on a PDF page that shows it."""
    expected = [page_title(p) for p in nav_pages(downloads.pdf_html)]
    assert len(expected) >= 3
    marks = outline(reader)
    position, last_page = 0, -1
    for title in expected:
        found = next((i for i in range(position, len(marks)) if marks[i][1] == title and marks[i][2] > 1), None)
        assert found is not None, f"{title!r} has no bookmark after {marks[position - 1] if position else 'the start'}"
        page_index = marks[found][2]
        assert page_index >= last_page, f"{title!r} is on page {page_index + 1}, before the previous page"
        assert squash(title) in squash(reader.pages[page_index].extract_text()), title
        position, last_page = found + 1, page_index


def test_no_unrendered_template_text(downloads):
    text = pdftotext(downloads.pdf)
    for token in ("{{", "}}", "{%", "%}"):
        assert token not in text, token


def test_bookmarks_for_every_heading(downloads, reader):
    """Every h1 to h3 of every page is a bookmark."""
    titles = {squash(t) for _, t, _ in outline(reader)}
    for page in nav_pages(downloads.pdf_html):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for h in soup.select("article h1, article h2, article h3"):
            text = h.get_text(" ", strip=True).replace("¶", "").strip()
            assert squash(text) in titles, f"{page.name}: heading {text!r} has no bookmark"


def test_cover_contents_and_page_numbers(downloads, reader):
    cover = pdftotext(downloads.pdf, 1, 1)
    strings = __import__("yaml").safe_load((ROOT / "data/strings.en.yml").read_text())["templates"]
    assert "Leg Length Guide" in cover
    assert strings["pdf"]["edition"] in cover and strings["pdf"]["version"] in cover
    contents = pdftotext(downloads.pdf, 2, 2)
    # The contents list the first page's title with the number of the page that shows it.
    first = page_title(nav_pages(downloads.pdf_html)[0])
    first_page = next(p for _, t, p in outline(reader) if t == first and p > 1) + 1
    assert re.search(re.escape(first) + r"\s*\.*\s*" + str(first_page) + r"\b", contents), contents
    # Every page after the cover has its number and the total in its foot: "3 / 8".
    total = len(reader.pages)
    for n in range(2, total + 1):
        assert re.search(rf"\b{n}\s*/\s*{total}\b", pdftotext(downloads.pdf, n, n)), f"page {n} has no number"


def test_internal_links_jump_inside_the_pdf(reader):
    """Links between pages are PDF destinations that exist, not web addresses of the guide."""
    names = set(reader.named_destinations)
    internal = external = 0
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") != "/Link":
                continue
            action = annot.get("/A")
            if action is not None and action.get("/S") == "/URI":
                uri = str(action["/URI"])
                assert not uri.startswith("file:"), uri
                external += 1
            else:
                dest = annot.get("/Dest")
                assert dest is not None, annot
                if isinstance(dest, str):
                    assert dest in names, dest
                internal += 1
    assert internal > 0 and external > 0, (internal, external)


def test_external_links_print_their_address(downloads):
    """On paper a link cannot be clicked: its address is printed after it."""
    text = squash(pdftotext(downloads.pdf))
    urls = set()
    for page in nav_pages(downloads.pdf_html):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        urls |= {a["href"] for a in soup.select("article a[href^='http']")}
    assert urls
    for url in urls:
        assert squash(url) in text, url


# List markers ("1." to "99.": no list in the guide is longer), not a wrapped line that
# happens to be a number ending a sentence, such as "113." in a table cell.
MARKER = re.compile(r"^\s*(•|◦|▪|\d{1,2}\.|[a-z]\.|[ivx]+\.)\s*$")
PAGE_NUMBER = re.compile(r"^\s*\d+\s*/\s*\d+\s*$")


def book_text(pdf: Path) -> str:
    """The PDF's text in drawing order without the page furniture: the running header and
    page number at each page's end, and list markers (drawn after the page's text), so
    that a paragraph split across two pages reads as one."""
    pages = pdftotext(pdf, raw=True).split("\f")
    out = []
    for page in pages:
        lines = page.splitlines()
        if lines and PAGE_NUMBER.match(lines[-1]):
            lines.pop()
            if lines and lines[-1].startswith("Leg Length Guide"):
                lines.pop()  # the running header: the guide's and the chapter's title
        out.extend(line for line in lines if not MARKER.match(line))
    return "\n".join(out)


def in_book(text: str, book: str) -> bool:
    """``text`` (squashed) is in the book: whole, or in two pieces when it runs onto the next
    page. WeasyPrint draws a page's tables after its paragraphs, so a paragraph that starts
    on a page with a table has that table's text between its two halves."""
    if text in book:
        return True
    k = 0
    while k < len(text) and text[:k + 1] in book:
        k += 1
    return k >= 20 and len(text) - k >= 1 and text[k:] in book


def test_in_book_reads_a_paragraph_split_by_a_table():
    book = squash("The option band uses the central prediction; when the range\nPlan Link QR code\nthigh bone\n"
                  "crosses a cut-off the result says so.")
    assert in_book(squash("The option band uses the central prediction; when the range crosses a cut-off the result says so."), book)
    assert not in_book(squash("The option band uses the central prediction; when the range is wide, nobody knows."), book)
    assert not in_book(squash("a sentence that is not there at all"), book)


def print_hidden_selectors() -> list[str]:
    """Selectors the site's own style sheets hide on paper: `display: none` in `@media print`,
    and `display: none` for every medium unless a print rule shows the same selector again."""
    import tinycss2

    sys_path = str(ROOT)
    if sys_path not in sys.path:
        sys.path.insert(0, sys_path)
    from pdf_event_hook import site_css

    def rules(content):
        for inner in tinycss2.parse_rule_list(content, skip_whitespace=True, skip_comments=True):
            if inner.type == "qualified-rule":
                body = re.sub(r"\s+", "", tinycss2.serialize(inner.content)).lower()
                yield [s.strip() for s in tinycss2.serialize(inner.prelude).split(",")], body

    hidden_in_print, hidden_everywhere, shown_in_print = [], [], set()
    for css in site_css():
        for rule in tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True):
            if rule.type == "qualified-rule":
                body = re.sub(r"\s+", "", tinycss2.serialize(rule.content)).lower()
                if re.search(r"(^|;|\{)display:none", body):
                    hidden_everywhere += [s.strip() for s in tinycss2.serialize(rule.prelude).split(",")]
                continue
            if rule.type != "at-rule" or rule.lower_at_keyword != "media" or rule.content is None:
                continue
            if tinycss2.serialize(rule.prelude).strip().lower() != "print":
                continue
            for selectors, body in rules(rule.content):
                if re.search(r"(^|;)display:none", body):
                    hidden_in_print += selectors
                elif re.search(r"(^|;)display:", body):
                    shown_in_print.update(selectors)
    return hidden_in_print + [s for s in hidden_everywhere if s not in shown_in_print]


def test_pdf_text_is_faithful_to_the_html(downloads):
    """Every paragraph, list item, table cell and planner phase (elements with data-phase or
    data-start-day: the static timeline the planner shows) of every page is in the PDF.
    When the planner is on the page, its static estimate is checked here element by element."""
    pdf_text = re.sub(r"\(https?://[^)]*\)", "", squash(book_text(downloads.pdf)))
    hidden_in_print = print_hidden_selectors()
    assert ".app-page-foot__downloads" in hidden_in_print  # the parser reads the site stylesheet
    checked = 0
    for page in nav_pages(downloads.pdf_html):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article")
        # What is not printed: hidden elements, and what the site's print styles hide
        # (widget forms, buttons, download links).
        for hidden in article.select("[hidden], script, style, template, noscript, svg title, svg desc"):
            hidden.decompose()
        for selector in hidden_in_print:
            try:
                found = article.select(selector)
            except Exception:  # a selector soupsieve does not know (e.g. ::after): not an element
                continue
            for hidden in found:
                hidden.decompose()
        for el in article.select("p, li, td, th, dt, dd, [data-phase], [data-start-day]"):
            text = squash(el.get_text())
            if text:
                assert in_book(text, pdf_text), \
                    f"{page.relative_to(downloads.pdf_html)}: {el.get_text(' ', strip=True)[:120]!r} is not in the PDF"
                checked += 1
    assert checked > 20, checked


def test_fonts_are_embedded(downloads):
    out = subprocess.run(["pdffonts", str(downloads.pdf)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    for row in rows:
        # columns: name type encoding emb sub uni object ID; "emb" is the third from the right
        assert row.split()[-5] == "yes", row


def test_first_pages_render_to_png(downloads, tmp_path):
    """pdftoppm can draw the cover and the contents (the images are looked at by a person)."""
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "3", str(downloads.pdf), str(tmp_path / "p")],
                   check=True)
    pngs = sorted(tmp_path.glob("p-*.png"))
    assert len(pngs) == 3
    assert all(p.stat().st_size > 1000 for p in pngs)


def test_planner_estimates_in_the_pdf_equal_the_model(downloads, guide):
    """Every static timeline (planner page, journey, typical timelines) printed in the PDF:
    each phase's start and end days in its row are what the Python model computes for the
    timeline's inputs, and the row's text is in the PDF."""
    from macros.model import timeline as model

    pdf_text = squash(book_text(downloads.pdf))
    checked = 0
    for page in nav_pages(downloads.pdf_html):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tl_el in soup.select("article .app-timeline[data-amount-mm]"):
            if tl_el.find_parent(attrs={"hidden": True}):
                continue
            tl = model.compute_from(guide.params, float(tl_el["data-amount-mm"]), tl_el["data-bone"],
                                    tl_el["data-method"], tl_el.get("data-date"))
            for row in tl_el.select("tr[data-phase]"):
                start, end = tl.phases[row["data-phase"]]
                for prefix, span in (("start", start), ("end", end)):
                    assert [int(row[f"data-{prefix}-day{suffix}"]) for suffix in ("-min", "", "-max")] == \
                        [span.min, span.typical, span.max], (page.name, row["data-phase"])
                cells = [squash(td.get_text()) for td in row.select("td")]
                if not tl.surgery_date:
                    assert str(start.typical) in cells[0] and str(end.typical) in cells[1], cells
                assert squash(row.get_text()) in pdf_text, f"{page}: {row.get_text(' ', strip=True)}"
                checked += 1
    assert checked >= 5, f"only {checked} planner phases found in the book"
    print(f"\n{checked} planner phase rows in the PDF match the model")
