"""The bundled `eldercare` command (PyInstaller needs a script, not an entry point)."""
from eldercare_desktop.cli.main import main

raise SystemExit(main())
