"""Dialogs: login, first run, resident edit and stay changes."""
