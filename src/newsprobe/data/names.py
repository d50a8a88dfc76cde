"""Vocabulary for linking person names across documents: titles and honorifics that precede a name.

A name's key is the part after the last of these words ("Russian President Vladimir Putin" → "vladimir putin"),
so any word that can stand before a name as a title belongs here, lower-cased and without dots.
"""

_TITLES = """
    mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father sister brother rabbi imam
    sheikh president vice prime minister chancellor premier king queen prince princess emperor pope
    senator sen rep representative congressman congresswoman congressmember governor gov mayor councillor
    councilman councilwoman speaker leader chairman chairwoman chair chief executive ceo cfo coo cto founder
    director secretary general gen lt col colonel maj major capt captain sgt sergeant adm admiral commander
    judge justice attorney ambassador envoy spokesman spokeswoman spokesperson deputy assistant minister
    foreign defense defence interior finance health state treasury press officer official commissioner
    inspector detective officer constable sheriff coach manager analyst economist professor
    former late acting interim incoming outgoing then
    """
TITLE_WORDS: frozenset[str] = frozenset(_TITLES.split())

# Dropped from the end of a name before keying ("Martin Luther King Jr." → "martin luther king").
NAME_SUFFIXES: frozenset[str] = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"})
