"""Run the generator: `python -m bench.generate --scale tiny|city|national --seed 1`."""

import sys

from .cli import main

sys.exit(main())
