"""村支部台账: the village party branch ledger."""

APP_NAME = "村支部台账"
