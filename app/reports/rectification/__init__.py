"""The 整改台账's prints: the ledger and the 整改情况报告."""
