"""Every word a user reads about a problem, in German (first) and English.

The rest of the code speaks in stable codes with parameters; :func:`text` is the one function that
turns a code into a sentence. Tests assert on codes, not on this prose.

>>> text("missing_name", sheet="Partner", row=4)
'Zeile 4 hat keinen Namen. Bitte einen Namen eintragen oder die Zeile löschen.'
"""

from __future__ import annotations

from . import by_key, fill, language, words

__all__ = ["MESSAGES", "text"]

MESSAGES = by_key("problems")


def text(code: str, lang: str = "de", **params: object) -> str:
    """The sentence for ``code`` in ``lang`` ("de" or "en"), filled with ``params``."""
    entry = MESSAGES.get(code)
    if entry is None:
        return code
    lang = language(lang)
    suggestion = params.get("suggestion")
    hint = fill(words("format", lang)["did_you_mean"], lang, suggestion=suggestion)
    things = words("problems.things", lang)
    if params.get("what") in things:
        params = {**params, "what": things[params["what"]]}
    return fill(entry[lang], lang, did_you_mean=hint if suggestion else "", **params)
