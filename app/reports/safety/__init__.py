"""Prints of the safety layer: the audit log and the administrator's recovery sheet."""
