"""The query language: what a user types, parsed and compiled to SQL fragments."""
