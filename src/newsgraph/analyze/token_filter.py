"""The few tokens of a Doc that carry a label, found without a Token object per token.

Walking a Doc makes a Token object per token and reads its label through the string store;
spaCy's attribute array holds every label as a number in one call. A stage that only wants
the tokens of some dependencies or parts of speech asks ``tokens_with`` for them.
"""

from __future__ import annotations

__all__ = ["tokens_with"]


def tokens_with(doc, attr: str, labels) -> list:
    """The tokens whose ``attr`` ("DEP", "POS", "TAG") is one of ``labels``, in text order."""
    values = doc.to_array(attr).tolist()
    strings = doc.vocab.strings
    wanted = {value for value in set(values) if strings[value] in labels}
    return [doc[i] for i, value in enumerate(values) if value in wanted]
