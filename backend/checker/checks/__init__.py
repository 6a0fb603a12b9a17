"""One module per rule; the registry lists them explicitly."""
