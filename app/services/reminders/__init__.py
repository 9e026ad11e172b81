"""纪律提醒: reminders, recurrence, holidays and working days, reminders derived from the other ledgers."""
