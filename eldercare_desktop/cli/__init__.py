"""The headless ``eldercare`` command: the same services as the GUI."""
