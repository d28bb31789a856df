"""Reads of meetings: querysets, counts, the scheduler's instance and conflicts in words."""
