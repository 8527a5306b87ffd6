"""English for newer UI areas, one module per area (``EN`` dicts of Chinese
source → English), merged into translate_en.EN so areas built in parallel
never edit the same file."""
