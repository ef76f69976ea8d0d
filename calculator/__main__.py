"""``python -m calculator``: see calculator/cli.py."""

import sys

from .cli import main

sys.exit(main())
