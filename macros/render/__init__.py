"""Turning plain data into HTML through Jinja templates (no MkDocs)."""
