"""Words: every sentence a user reads, in German (first) and English.

``messages`` turns a stable code and its parameters into a sentence.
"""
