"""Word lists for entity merging: place prepositions, abbreviations that keep their dot."""

from __future__ import annotations

# A name right after one of these is a place ("in Kyiv", "to Moscow"), whatever the tagger says.
PLACE_PREPOSITIONS = frozenset({"in", "to", "from", "into", "near", "across", "outside", "inside", "toward", "towards"})

# Names ending in these keep their final dot ("Martin Luther King Jr.", "Acme Inc.").
DOTTED_ENDINGS = ("jr.", "sr.", "inc.", "co.", "corp.", "ltd.", "st.", "bros.")

# Descriptors made only of these words say nothing about who someone is.
EMPTY_DESCRIPTOR_WORDS = frozenset(
    {
        "other",
        "another",
        "many",
        "some",
        "several",
        "such",
        "same",
        "both",
        "all",
        "few",
        "more",
        "most",
        "various",
        "certain",
        "own",
        "new",
        "former",
        "latest",
        "first",
        "last",
        "top",
        "then",
        "now",
    }
)

# Forms of address: not roles ("Mr", "Mrs", "Sir" alone say nothing about who someone is); neither a
# descriptor of an entity nor, for the sourcing audit, a first name ("Mr. Hoffman" is still a surname only).
FORMS_OF_ADDRESS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "sir",
        "dame",
        "lord",
        "lady",
        "madam",
        "mister",
        "dr",
        "prof",
        "rev",
    }
)
