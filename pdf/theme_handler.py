"""mkdocs-to-pdf theme handler for the guide: Material's print styles, no header button.

mkdocs-to-pdf's own Material handler adds a PDF icon to every page's header; the guide links
to its PDF from the page foot instead (overrides/partials/page-foot.html), so this handler
leaves the HTML unchanged and reuses the plugin's Material stylesheet.
"""

from mkdocs_to_pdf.themes.material import get_script_sources, get_stylesheet  # noqa: F401


def inject_link(html, href, page, logger):  # noqa: ARG001 - the plugin's hook signature
    return html
