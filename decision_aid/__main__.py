"""`python -m decision_aid ...`: see decision_aid/cli.py."""

import sys

from decision_aid.cli import main

if __name__ == "__main__":
    sys.exit(main())
