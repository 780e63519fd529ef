"""Schema and numbered migrations, applied in order by chronicle.store."""
