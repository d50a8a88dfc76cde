"""Vocabularies as data: word lists and patterns the stages read."""
