"""Entry point: `python -m app` starts the GUI; sub-commands run headless."""

from app.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
