"""Renderers: frozen contexts in, PDF/XLSX bytes or files out. No DB, no Qt."""
