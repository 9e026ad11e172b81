"""Prints of the 工作台: the year and term summary."""
