"""Reading and validating the data files (pure: no MkDocs, no HTML)."""
