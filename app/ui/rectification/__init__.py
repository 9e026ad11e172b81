"""The 整改台账 tab and its dialogs: sources, items, progress with proof, 销号 and reopening."""
