import sys

from newsprobe.cli import main

sys.exit(main())
