"""`python -m kronika` runs the command line."""

from kronika.cli import main

main()
