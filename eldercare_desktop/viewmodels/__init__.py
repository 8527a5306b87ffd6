"""Screen logic without Qt (columns, cell text, filters, sorting). Imports
only the domain layer; the Qt models in ``ui`` read what these compute."""
