"""Words that tell English text from other languages."""

_FUNCTION_WORDS = """
the of and to a in is that for it on was with he as at by this be from are have not or but an they
his her she said were which has its had their will would been who we you i there more one all
"""

# Frequent English function words; English prose has about a third of its words among them.
ENGLISH_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())
