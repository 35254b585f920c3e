"""The services routes and the CLI call: reads, writes, evaluation, exchange."""
