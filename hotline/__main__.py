"""Run the command line as `python -m hotline`."""

from hotline.cli import main

raise SystemExit(main())
