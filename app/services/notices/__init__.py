"""三公开: notices, 财务公开 items, money and capitals, masking of personal numbers, villagers' questions."""
