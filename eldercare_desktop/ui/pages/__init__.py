"""The pages of the main window's navigation (each a ``ui.base.Page``)."""
