"""Prints of the 两委成员 ledger: the roster."""
