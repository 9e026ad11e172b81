"""整改台账: sources of problems, their items, progress with proof, 销号, warnings, import and prints."""
