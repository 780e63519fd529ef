"""Files to mentions: read, clean, segment, find dates, entities, event types."""
