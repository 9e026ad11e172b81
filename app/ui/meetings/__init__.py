"""The 会议记录 tab: meetings, attendance, 四议两公开 matters, compliance, requirement settings."""
