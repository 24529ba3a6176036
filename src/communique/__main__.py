"""``python -m communique`` runs the command-line tool."""

from .cli import main

main()
