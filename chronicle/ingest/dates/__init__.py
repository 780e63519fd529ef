"""Dates: find every date expression in a text and resolve it to calendar days (`find_dates`)."""
