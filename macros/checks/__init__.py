"""Checks of built pages and page sources used by the build, tests and scripts."""
