"""The arithmetic and the wording of numbers (pure: no MkDocs, no HTML, no files)."""
