"""Accounts, users, the audit log view, backups and restore, the idle lock."""
