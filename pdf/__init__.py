"""The PDF book's templates, styles and helpers (mkdocs-to-pdf; see mkdocs-pdf.yml)."""
