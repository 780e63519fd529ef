"""Metadata: a document's own title, byline and publisher (its date: `document_date`)."""
