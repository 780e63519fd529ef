"""Text: bytes on disk to clean paragraphs and sentences."""
