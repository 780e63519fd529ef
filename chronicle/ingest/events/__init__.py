"""Events: one document's dated statements as mentions, each with its own clause's facts.

A mention takes the type, people and places of the clause its date governs
(``clauses``, ``subjects``), unless the date only names something or labels a
section (``date_roles``); a visit takes its stated days, and its arrival and
return are days of it (``visits``).
"""
