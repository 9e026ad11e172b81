"""Accounts, roles and passwords, the audit log's views, backups and restore."""
