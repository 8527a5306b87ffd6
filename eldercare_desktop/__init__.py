"""eldercare-desktop: management software for community eldercare centres."""

__version__ = "0.1.0"
