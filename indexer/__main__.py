"""Allow `python -m indexer`, the same command line as the `indexer` console script."""

from indexer.cli import main

main()
