"""Widgets and dialogs every tab shares: the dialog facade, form helpers, date field, print flow and preview, village profile."""
