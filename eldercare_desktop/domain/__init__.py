"""Pure rules: stdlib plus pure validation helpers (python-stdnum, pypinyin)."""
