"""Reading a speaker mention on the parse: its head, its role words, what a relative pronoun or a report points to."""

from __future__ import annotations

from newsprobe.data.people import CONTINUATION_CUES, NAME_TITLES, ROLE_NOUNS
from newsprobe.record import Quote, Span
from newsprobe.speakers.context import SUBJECT_DEPS, DocumentContext, Person, TokenAt
from newsprobe.speakers.names import words


def mention_head(tokens: list[TokenAt]) -> TokenAt | None:
    """The token of the mention whose syntactic head lies outside it."""
    if not tokens:
        return None
    indices = {t.token.i for t in tokens}
    for tok in tokens:
        if tok.token.head.i not in indices or tok.token.head.i == tok.token.i:
            if tok.token.is_punct or tok.token.dep_ == "case":
                continue
            if tok.token.pos_ in ("VERB", "AUX"):
                # a mention that takes in its cue ("Donald Trump says"): the subject is the speaker
                subject = next(
                    (t for t in tokens if t.token.head.i == tok.token.i and t.token.dep_ in SUBJECT_DEPS), None
                )
                if subject is not None:
                    return subject
            return tok
    return tokens[-1]


def grammar_score(context: DocumentContext, span: Span) -> float:
    """Subjects are what later pronouns continue; possessives and objects of prepositions much less."""
    tok = context.token_at(span[0])
    if tok is None:
        return 0.0
    root = root_of(tok, span, context).token
    if root.dep_ in SUBJECT_DEPS:
        return 1.0
    if root.dep_ == "appos":  # "A spokesperson for Putin, Dmitry Peskov, said": in apposition to the subject
        head = root.head
        for _ in range(3):
            if head.dep_ in SUBJECT_DEPS:
                return 1.0
            if head.dep_ not in ("pobj", "prep", "appos") or head.head.i == head.i:
                break
            head = head.head
    if root.dep_ == "poss" and root.head.dep_ in SUBJECT_DEPS:
        return 0.5  # "The president's roots came into play"
    if root.dep_ in ("poss", "pobj") or context.doc.text[span[1] : span[1] + 2] in ("'s", "’s"):
        return -1.0
    return 0.0


def root_of(tok: TokenAt, span: Span, context: DocumentContext) -> TokenAt:
    tokens = context.tokens_in(span)
    return mention_head(tokens) or tok


def relative_antecedent(head: TokenAt) -> Span | None:
    """The noun a relative clause hangs on: "Clinton, who said" -> "Clinton"."""
    verb = head.token.head
    if verb.dep_ != "relcl":
        return None
    noun = verb.head
    left = min(
        (t for t in noun.subtree if t.i <= noun.i and t.dep_ in ("compound", "det", "amod", "poss")),
        key=lambda t: t.i,
        default=noun,
    )
    offset = head.parse.offset
    return (offset + left.idx, offset + noun.idx + len(noun))


def report_owner(head: TokenAt) -> Span | None:
    """Who a report belongs to: "a report by the Moscow Times" -> "the Moscow Times"."""
    for prep in head.token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "of"):
            for noun in prep.children:
                if noun.dep_ == "pobj":
                    left = min(noun.subtree, key=lambda t: t.i)
                    offset = head.parse.offset
                    return (offset + left.idx, offset + noun.idx + len(noun))
    for child in head.token.children:
        if child.dep_ == "poss":
            left = min(child.subtree, key=lambda t: t.i)
            return (head.parse.offset + left.idx, head.parse.offset + child.idx + len(child))
    return None


def is_continuation(text: str, quote: Quote) -> bool:
    if quote.cue is None:
        return False
    cue = " ".join(text[quote.cue[0] : quote.cue[1]].lower().split())
    return cue in CONTINUATION_CUES or cue.split(" ")[-1] in CONTINUATION_CUES


def strip_honorifics(text: str) -> str:
    kept = [w for w in text.split() if w.lower().strip(".,") not in NAME_TITLES]
    return " ".join(kept) if kept else text


def name_part(text: str, person: Person) -> str:
    """The words of the mention that belong to the person's name."""
    kept = [w for w in words(text) if w.lower().strip(".") in person.tokens]
    return " ".join(kept)


def clean_role(text: str) -> str:
    kept = words(text)
    while kept and kept[0].lower() in ("the", "a", "an"):
        kept.pop(0)
    return " ".join(kept)


def role_in_mention(text: str, tokens: list[TokenAt], person: Person) -> str | None:
    """The role a mention gives beside the name: "White House press secretary Karoline Leavitt"."""
    name_spans = person.mentions
    rest = [t for t in tokens if not any(s <= t.start < e for s, e in name_spans)]
    while rest and (rest[0].token.is_punct or rest[0].token.pos_ == "DET"):
        rest.pop(0)
    while rest and (rest[-1].token.is_punct or rest[-1].token.pos_ in ("DET", "CCONJ")):
        rest.pop()
    if not rest or not any(t.token.pos_ == "NOUN" for t in rest):
        return None
    words_ = [t.token.text for t in rest if t.token.lower_.strip(".") not in NAME_TITLES or t.token.pos_ == "NOUN"]
    return " ".join(words_) or None


def best_role(person: Person) -> str | None:
    """The most informative role the document gives a person (appositions first, then pre-modifiers)."""
    if not person.roles:
        return None
    with_noun = [r for r in person.roles if any(w.lower() in ROLE_NOUNS for w in words(r))]
    return (with_noun or person.roles)[0]
