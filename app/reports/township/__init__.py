"""Township prints: the import receipt (回执), the key registration form, the cross-village analysis."""
