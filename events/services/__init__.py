"""Writes on pavilions, by subject; callers import the module they need."""
