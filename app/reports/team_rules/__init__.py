"""Prints of the team's own rules: the plan, the duty lists and 责任书, the study ledger, the rota and duty logs."""
