"""Helpers shared by the tests (and the benchmarks): servers, datasets, factories."""
