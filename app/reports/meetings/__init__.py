"""Prints of the 会议记录 ledger: meeting records, sign-in sheets, the year list, 四议两公开 record books."""
