"""Benchmarks (run as scripts by `make bench`); a package so the import contracts see it."""
