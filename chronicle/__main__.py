"""`python3 -m chronicle` runs the same command as `chronicle`."""

from chronicle.cli import main

main()
