"""The 三公开 tab: notices, items, the review and posting workflow, villagers' questions."""
