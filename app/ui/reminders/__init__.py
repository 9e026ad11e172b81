"""The 纪律提醒 tab: reminders, their targets and history, 办理, derived reminders and their marks."""
