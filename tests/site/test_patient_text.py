"""The rendered text of every page: no doubled words or units, no leftover editorial
notes; and on every patient page no unexplained abbreviation at its first use, no note
on how a source was read, and nothing meant for developers (HTML attribute names, link
parameters, YAML, shell commands, file names, parameter keys, template variables).
Developer documentation lives in CONTRIBUTING.md and the clinicians' pages."""

from __future__ import annotations

import pytest

from macros.checks.readability import is_patient_page
from support import built_pages, languages
from text_lint import lint


def _pages(site, lang):
    """The pages in ``lang`` (an untranslated page under /sv/ is checked as the English page)."""
    for rel, html in built_pages(site.dir, lang).items():
        if not rel.startswith(("go/", "assets/")):
            yield rel, html


@pytest.mark.parametrize("lang", languages().built)
def test_rendered_text_has_no_findings(site, lang):
    others = languages().others
    findings = [f"{rel}: {f}" for rel, html in _pages(site, lang) for f in lint(html, is_patient_page(rel, others))]
    assert not findings, "\n".join(findings)


def test_lint_finds_each_kind_of_problem():
    page = ("<article><h1>Title</h1><p>About about 1 in 3. It grows 5 mm mm a year. TODO check this.</p>"
            "<p>Each result carries <code>data-band</code> and reads <code>lengthening.latency.low</code>.</p>"
            "<p>Run <code>bash scripts/serve</code> and edit <code>clinic.yml</code>: set "
            "<code>adults_size</code> or open /planner/?amount=50&amp;unit=mm. {{ guide }}</p>"
            "<p>A PFFD is rare. Abstract read; the full text was not available to us.</p></article>")
    found = " | ".join(lint(page, patient=True))
    for expected in ("doubled word 'About about'", "doubled unit 'mm mm'", "editorial note 'TODO'",
                     "an HTML attribute name", "a dotted parameter key", "a shell command", "a file name",
                     "a parameter key or variable name", "a link with parameters", "a template variable",
                     "'PFFD' is not explained", "note on how a source was read"):
        assert expected in found, expected
    fine = "<article><p>A leg length discrepancy, or LLD, is common. Proximal femoral focal deficiency (PFFD).</p></article>"
    assert lint(fine, patient=True) == []
