"""Vocabulary for resolving speakers: pronouns, honorifics, role nouns, anonymous sources, gendered words.

First names and their usual gender live in ``first_names_female.txt`` / ``first_names_male.txt``
(from coreferee 1.5.0, MIT; see ``first_names.NOTICE.txt``), read by ``newsprobe.speakers.names``.
"""

from __future__ import annotations

# Personal pronouns that can name a speaker, by the referent they need.
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
NEUTER_PRONOUNS = frozenset({"it", "its", "itself"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})
DEMONSTRATIVES = frozenset({"this", "these", "those"})

# Dropped before matching a name ("Mr. Clarke", "Sen. Graham"); the scorer drops the same honorifics.
HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "sen", "senator", "rep", "representative", "gov", "governor",
    "president", "prof", "professor", "sir", "lord", "lady", "dame", "rev", "reverend", "gen", "general",
    "col", "lt", "sgt", "capt", "adm", "judge", "justice", "mayor", "secretary", "chancellor", "pm",
    "minister", "speaker", "ambassador", "sheriff", "attorney", "lawmaker", "st",
})
MALE_HONORIFICS = frozenset({"mr", "sir", "lord"})
FEMALE_HONORIFICS = frozenset({"mrs", "ms", "miss", "lady", "dame"})

# Words that make a person's role male or female ("spokeswoman", "congressman").
FEMALE_ROLE_WORDS = frozenset({
    "spokeswoman", "congresswoman", "chairwoman", "businesswoman", "woman", "mother", "wife", "daughter",
    "sister", "actress", "queen", "princess", "duchess", "grandmother", "girl", "widow", "first lady",
    "councilwoman", "anchorwoman", "stateswoman", "aunt", "niece", "girlfriend", "lady",
})
MALE_ROLE_WORDS = frozenset({
    "spokesman", "congressman", "chairman", "businessman", "man", "father", "husband", "son", "brother",
    "actor", "king", "prince", "duke", "grandfather", "boy", "widower", "councilman", "anchorman",
    "statesman", "uncle", "nephew", "boyfriend",
})

# Heads of noun phrases that stand for one person by office ("the spokesperson", "the Kremlin chief").
ROLE_NOUNS = frozenset({
    "president", "spokesperson", "spokesman", "spokeswoman", "secretary", "senator", "governor", "mayor",
    "chief", "leader", "minister", "chairman", "chairwoman", "chair", "director", "candidate", "nominee",
    "official", "ambassador", "envoy", "adviser", "advisor", "aide", "lawmaker", "congressman",
    "congresswoman", "representative", "judge", "justice", "attorney", "lawyer", "prosecutor", "sheriff",
    "commissioner", "chancellor", "premier", "king", "queen", "prince", "general", "commander", "head",
    "ceo", "founder", "executive", "manager", "professor", "economist", "analyst", "expert", "researcher",
    "author", "writer", "reporter", "journalist", "columnist", "editor", "host", "anchor", "pollster",
    "strategist", "consultant", "operative", "billionaire", "businessman", "businesswoman", "mogul",
    "veteran", "speaker", "democrat", "republican", "frontrunner", "incumbent", "challenger", "rival",
    "opponent", "scientist", "doctor", "officer", "detective", "agent", "diplomat",
    "negotiator", "campaigner", "activist", "organizer", "owner", "coach", "player", "star", "actor",
    "actress", "singer", "rapper", "comedian", "pope", "bishop", "pastor", "rabbi", "imam", "prime",
    "vice", "deputy", "mother", "father", "wife", "husband", "son", "daughter", "man", "woman",
})
# Synonyms used to match a role noun to a descriptor ("the Kremlin chief" ~ "Russian President").
ROLE_SYNONYMS: dict[str, frozenset[str]] = {
    "chief": frozenset({"president", "leader", "head", "chief", "director", "chairman", "chairwoman", "ceo"}),
    "leader": frozenset({"president", "leader", "head", "chief", "premier", "minister", "chairman"}),
    "head": frozenset({"president", "leader", "head", "chief", "director", "chairman", "chairwoman"}),
    "spokesperson": frozenset({"spokesperson", "spokesman", "spokeswoman", "press secretary"}),
    "spokesman": frozenset({"spokesperson", "spokesman", "press secretary"}),
    "spokeswoman": frozenset({"spokesperson", "spokeswoman", "press secretary"}),
    "nominee": frozenset({"nominee", "candidate"}),
    "candidate": frozenset({"nominee", "candidate"}),
    "adviser": frozenset({"adviser", "advisor", "aide"}),
    "advisor": frozenset({"adviser", "advisor", "aide"}),
    "aide": frozenset({"adviser", "advisor", "aide"}),
}

# Heads of sources that stay anonymous: the text never says who they are ("a source", "officials").
ANONYMOUS_NOUNS = frozenset({
    "source", "sources", "official", "officials", "expert", "experts", "analyst", "analysts", "critic",
    "critics", "observer", "observers", "insider", "insiders", "aide", "aides", "people", "person",
    "someone", "somebody", "spokesperson", "spokesman", "spokeswoman", "diplomat", "diplomats",
    "authorities", "police", "investigators", "prosecutors", "lawmakers", "legislators", "republicans",
    "democrats", "conservatives", "liberals", "supporters", "opponents", "voters", "residents", "witnesses",
    "economists", "scientists", "researchers", "activists", "advocates", "leaders", "members", "staff",
    "staffers", "employees", "workers", "officers", "agents", "advisers", "advisors", "strategists",
    "operatives", "consultants", "reports", "report", "reporters", "journalists", "media", "others",
    "many", "some", "several", "most", "few", "everyone", "anyone", "nobody", "americans", "groups",
    "environmentalists", "protesters", "demonstrators", "families", "parents", "students", "teachers",
    "doctors", "lawyers", "attorneys", "pundits", "commentators", "polls", "poll", "surveys", "studies",
    "data", "figures", "statistics", "documents", "records", "emails", "campaigns", "organizers",
    "colleagues", "friends", "allies", "rivals", "candidates", "senators", "governors", "mayors",
})
# Determiners and quantifiers that make a noun phrase indefinite ("a source", "some officials").
INDEFINITE_DETERMINERS = frozenset({
    "a", "an", "another", "some", "one", "two", "three", "four", "five", "several", "many", "few", "most",
    "other", "others", "any", "various", "numerous", "multiple", "certain", "senior", "unnamed", "anonymous",
})

# Cues that continue what the same speaker was just saying: the pronoun must be the last speaker.
CONTINUATION_CUES = frozenset({
    "add", "added", "adds", "adding", "continue", "continued", "continues", "went on", "go on", "goes on",
    "concluded", "conclude", "concludes", "reiterated", "repeated", "elaborated", "explained further",
})

# Heads of sources that are documents or media: their owner speaks ("a report by the Moscow Times").
REPORT_NOUNS = frozenset({
    "report", "article", "statement", "study", "analysis", "poll", "survey", "memo", "letter", "ad",
    "advertisement", "post", "tweet", "story", "editorial", "release", "filing", "document", "review",
    "investigation", "video", "interview", "transcript", "op-ed", "column", "website", "blog", "email",
})

# Short forms and names the first-name lists lack (news names: "Bill Clinton", "Mitt Romney"); a name in both
# sets tells no gender ("Pat", and "Lindsey", which the lists give as female only: Lindsey Graham).
EXTRA_MALE_NAMES = frozenset({
    "bill", "bob", "bobby", "dick", "chuck", "newt", "mitt", "ed", "jeb", "al", "dave", "matt", "greg", "ken",
    "bernie", "reince", "rand", "mitch", "recep", "rudy", "jim", "joe", "tom", "ted", "rick", "mike", "steve",
    "pete", "phil", "rob", "sid", "stan", "walt", "hank", "herb", "ike", "jed", "ned", "rex", "abe", "vlad",
    "pat", "lindsey", "kim", "jan", "sam", "robin", "leslie", "jody", "dana",
})
EXTRA_FEMALE_NAMES = frozenset({
    "kellyanne", "debbie", "huma", "hillary", "pat", "lindsey", "kim", "jan", "sam", "robin", "leslie", "jody",
    "dana", "liz", "beth", "sue", "peggy", "patty", "becky", "cathy", "kathy", "deb", "meg", "nikki", "tulsi",
    "kamala", "ilhan", "marsha", "ayanna", "rashida", "val", "gina", "lisa", "susan", "sarah", "maxine", "heidi",
})

# Heads of noun phrases that are organisations when a proper noun names them ("the Trump administration").
ORGANISATION_NOUNS = frozenset({
    "administration", "campaign", "government", "ministry", "department", "committee", "agency", "court",
    "company", "party", "council", "commission", "office", "team", "foundation", "institute", "center",
    "centre", "bank", "group", "union", "federation", "association", "coalition", "embassy", "army", "police",
    "newspaper", "network", "station", "magazine", "board", "authority", "service", "bureau", "firm",
})

# Titles written before a name, as the role they state ("Sen. Lindsey Graham" is a senator).
TITLE_ROLES: dict[str, str] = {
    "sen": "Senator", "senator": "Senator", "rep": "Representative", "gov": "Governor", "governor": "Governor",
    "president": "President", "mayor": "Mayor", "gen": "General", "judge": "Judge", "justice": "Justice",
    "secretary": "Secretary", "ambassador": "Ambassador", "sheriff": "Sheriff", "chancellor": "Chancellor",
}
