"""Prints of the 纪律提醒 ledger: letters and the year's ledger."""
