"""The lexicon's data files (CSV): places, organisations, roles and person cue words.

Read only through ``chronicle.lexicon``; checked by ``tests/test_lexicon.py``.
"""
