"""``python -m matchmaking.scheduler``: runs ``meetings.scheduler``'s command line."""

import sys

from meetings.scheduler.__main__ import main

sys.exit(main())
