"""Noticing interviews in the one message the user opened: what kind it is and its fields.

Pure functions over the message's words (nothing here reads the clock, the database or Flask,
and nothing keeps the text): detect.py says what kind of message it is, fields.py pulls out the
interview's fields, dates.py finds dates and times with the timeline parser's own patterns.
"""
from .detect import TRACK_KINDS, Message, Reading, read_message

__all__ = ["Message", "Reading", "TRACK_KINDS", "read_message"]
