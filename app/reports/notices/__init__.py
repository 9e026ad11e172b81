"""Prints of the 三公开 ledger: notices for the 公开栏."""
