"""Resolve each quote's speaker mention to the fullest name, entity and role the document gives.

Rules on the parse and entities (no coreference model installs offline): names and short names
match the document's people; pronouns go to the most plausible earlier person by gender, recency,
grammatical role and who was speaking; role nouns to the person whose role matches; indefinite and
plural sources stay anonymous. When no reader could tell, the name stays None: a confident wrong
name is the worst outcome, so every path states its confidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsprobe.data.people import (
    ANONYMOUS_NOUNS,
    CONTINUATION_CUES,
    DEMONSTRATIVES,
    FEMALE_PRONOUNS,
    FIRST_PERSON,
    HONORIFICS,
    INDEFINITE_DETERMINERS,
    MALE_PRONOUNS,
    NEUTER_PRONOUNS,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    REPORT_NOUNS,
    ROLE_NOUNS,
)
from newsprobe.record import Quote, Span, Speaker
from newsprobe.speakers.context import SUBJECT_DEPS, DocumentContext, Person, TokenAt
from newsprobe.speakers.names import first_name_gender, full_name_in_text, name_key, role_gender, words

# Confidence of each path: the share of right answers each had on PolNeAR dev (scripts/eval_speakers.py).
CONF_FULL_NAME = 0.95  # the mention holds the full name
CONF_SHORT_UNIQUE = 0.92  # a short name, and one person in the document has it
CONF_SHORT_AMBIGUOUS = 0.55  # a short name two people share ("Clinton"): the most mentioned one
CONF_SHORT_ONLY = 0.85  # a short name the document never completes ("Hoffman")
CONF_ORG = 0.8  # an organisation or place speaks ("the Moscow Times", "Russia")
CONF_ANONYMOUS = 0.9  # "a source", "officials"
CONF_ROLE = 0.6  # "the president" matched to the person with that role
CONF_CONTINUED = 0.6  # no mention: the paragraph continues the previous speaker
CONF_UNRESOLVED = 0.7  # the text does not tell: None is the right answer this often
# Pronouns: the winning candidate's score and its margin over the runner-up map to a confidence.
PRONOUN_MIN_SCORE = 2.0  # below this, no candidate is plausible enough to name
PRONOUN_MIN_MARGIN = 0.75  # two candidates this close: a reader could not tell
MAX_PARAGRAPHS_BACK = 2  # a pronoun's referent is named at most this many paragraphs earlier
DISTANCE_SCORE = {0: 3.0, 1: 1.5, 2: 0.5}  # by paragraphs between the pronoun and the person's last mention


@dataclass(slots=True)
class Resolved:
    """A resolved speaker, plus what later pronouns need to know about it."""

    speaker: Speaker
    person: Person | None = None
    gender: str | None = None
    plural: bool = False
    group: bool = False  # an organisation, a group or an anonymous source: "they"/"it" may continue it
    position: int = 0


class SpeakerResolver:
    """Resolves the quotes of one document, in text order, remembering who spoke."""

    def __init__(self, context: DocumentContext):
        self.context = context
        self.history: list[Resolved] = []
        self._by_quote: dict[int, Resolved] = {}

    def resolve_all(self, quotes: list[Quote]) -> None:
        """Fill ``speaker.name/entity/role/resolution/confidence`` on every quote."""
        for quote in sorted(quotes, key=_quote_start):
            resolved = self.resolve(quote)
            quote.speaker = resolved.speaker
            self._by_quote[id(quote)] = resolved
            self.history.append(resolved)

    # --- one quote -------------------------------------------------------------------------------
    def resolve(self, quote: Quote) -> Resolved:
        """The speaker of one quote (earlier quotes must have been resolved)."""
        mention = quote.speaker.mention
        anchor = mention[0] if mention else _quote_start(quote)
        if mention is None:
            return self._continued(quote, anchor)
        resolved = self._resolve_mention(mention, quote, depth=0)
        resolved.speaker.mention = mention
        resolved.position = anchor
        return resolved

    def _continued(self, quote: Quote, anchor: int) -> Resolved:
        """A quote with no speaker mention: a quote-only paragraph goes on with the previous speaker."""
        last = self.history[-1] if self.history else None
        if (
            last is not None
            and last.speaker.name is not None
            and self.context.paragraph_distance(last.position, anchor) <= 1
            and not self.context.crosses_cut(last.position, anchor)
        ):
            speaker = _copy(last.speaker, None, CONF_CONTINUED * last.speaker.confidence / CONF_FULL_NAME)
            return Resolved(speaker, last.person, last.gender, last.plural, last.group, anchor)
        return Resolved(Speaker(None, None, None, None, "unresolved", CONF_UNRESOLVED), position=anchor)

    def _resolve_mention(self, mention: Span, quote: Quote, depth: int) -> Resolved:
        context = self.context
        text = context.doc.text[mention[0] : mention[1]]
        tokens = context.tokens_in(mention)
        head = _head(tokens)
        lowered = " ".join(text.lower().split())
        # 1. a person's name in the mention, as its head or in apposition to a role noun
        person = self._named_person(mention, tokens, head)
        if person is not None:
            return self._named(person, mention, text, tokens)
        head_word = head.token.lower_ if head is not None else (words(lowered)[-1] if words(lowered) else "")
        if head is not None and head.token.pos_ == "PRON" or head_word in _ALL_PRONOUNS:
            return self._pronoun(head_word, head, mention, quote, depth)
        # 2. a proper name the entities did not type as a person ("PENCE", "Mr. Clarke")
        capitalised = head is not None and head.token.text[:1].isupper() and not head.token.is_sent_start
        if head is not None and (head.token.pos_ == "PROPN" or capitalised) or (head is None and text[:1].isupper()):
            found = self._proper_name(mention, text, tokens, head)
            if found is not None:
                return found
        # 3. a common noun: anonymous, a role that points to someone, or a group
        return self._common_noun(mention, text, tokens, head)

    # --- names ------------------------------------------------------------------------------------
    def _named_person(self, mention: Span, tokens: list[TokenAt], head: TokenAt | None) -> Person | None:
        """The person the mention names as the speaker (not one it merely mentions: "a spokesperson for Putin")."""
        people = self.context.people_in(mention)
        if not people:
            return None
        if head is None:
            return people[-1]
        head_noun = head.token.lemma_.lower()
        ranked: list[tuple[int, Person]] = []
        for person in people:
            name_tokens = [t for t in tokens if any(s <= t.start < e for s, e in person.mentions)]
            if not name_tokens:
                continue
            if head in name_tokens:
                ranked.append((3, person))
                continue
            if head.token.tag_ in ("NNS", "NNPS") or head_noun in REPORT_NOUNS or head.token.pos_ not in (
                "NOUN", "NUM", "PRON"
            ):
                continue  # "Clinton aides"; "A new ad from Donald Trump's campaign" names Trump, but the ad speaks
            if any(t.token.dep_ == "appos" for t in name_tokens):
                ranked.append((2, person))
            elif name_tokens[-1].end >= mention[1] - 1 and name_tokens[0].token.dep_ != "poss":
                ranked.append((1, person))
        return max(ranked, key=lambda item: item[0])[1] if ranked else None

    def _named(self, person: Person, mention: Span, text: str, tokens: list[TokenAt]) -> Resolved:
        key = name_key(_name_part(text, person))
        full = len(key) >= len(person.tokens) or len(key) >= 2 and set(person.tokens) <= set(key)
        if full and len(person.tokens) >= 2:
            resolution, confidence = "named", CONF_FULL_NAME
        else:
            same = self.context.people_matching(" ".join(key))
            if len(person.tokens) == 1 or full:
                resolution, confidence = "surname", CONF_SHORT_ONLY
            elif len(same) > 1:
                resolution, confidence = "surname", CONF_SHORT_AMBIGUOUS
            else:
                resolution, confidence = "surname", CONF_SHORT_UNIQUE
        role = _role_in_mention(text, tokens, person) or _best_role(person)
        speaker = Speaker(mention, person.name, person.entity, role, resolution, confidence)
        return Resolved(speaker, person, person.gender or role_gender(role or ""), False, False)

    def _proper_name(self, mention: Span, text: str, tokens: list[TokenAt], head: TokenAt | None) -> Resolved | None:
        context = self.context
        entity = next((e for span, e in context.entity_at.items() if span[0] < mention[1] and mention[0] < span[1]
                       and (head is None or span[0] <= head.start < span[1])), None)
        if entity is not None and entity.type in ("ORG", "GPE", "NORP", "LOC", "FAC", "WORK_OF_ART", "PRODUCT"):
            if entity.type == "NORP" and text.rstrip().endswith("s"):  # "Republicans", "Democrats": a group
                role = " ".join(text.split())
                speaker = Speaker(mention, None, None, role, "anonymous", CONF_ANONYMOUS)
                return Resolved(speaker, plural=True, group=True)
            # a short person name mistyped as an organisation ("Trump said" tagged ORG) is still the person
            people = context.people_matching(entity.name)
            if len(name_key(entity.name)) == 1 and people:
                return self._short_name(mention, text, people)
            speaker = Speaker(mention, entity.name, entity.id, None, "named", CONF_ORG)
            return Resolved(speaker, plural=False, group=True)
        people = context.people_matching(_strip_honorifics(text))
        if people:
            return self._short_name(mention, text, people)
        key = name_key(text)
        if 1 <= len(key) <= 3 and all(w[:1].isupper() and w.lower() not in ANONYMOUS_NOUNS
                                      for w in words(_strip_honorifics(text))):
            # a name spaCy did not type: the full name the text gives for it, else the name as given
            name = " ".join(words(_strip_honorifics(text)))
            if text.isupper():
                name = name.title()
            gender = _honorific_gender(text)
            full = full_name_in_text(context.doc.text, name) if len(key) == 1 else None
            if full is not None:
                gender = gender or first_name_gender(full.split()[0])
                speaker = Speaker(mention, full, None, None, "surname", CONF_SHORT_UNIQUE - 0.1)
                return Resolved(speaker, None, gender)
            speaker = Speaker(mention, name, None, None, "surname" if len(key) == 1 else "named", CONF_SHORT_ONLY - 0.1)
            return Resolved(speaker, None, gender)
        return None

    def _short_name(self, mention: Span, text: str, people: list[Person]) -> Resolved:
        gender = _honorific_gender(text)
        if gender is not None and len(people) > 1:
            people = [p for p in people if p.gender in (None, gender)] or people
        if len(people) == 1:
            person, confidence = people[0], CONF_SHORT_UNIQUE if len(people[0].tokens) > 1 else CONF_SHORT_ONLY
        else:
            # two people share the short name ("Clinton"): the one the text names in full most often, then latest
            doc_text = self.context.doc.text

            def weight(p: Person) -> tuple[int, int]:
                full = sum(len(name_key(doc_text[s:e])) > 1 for s, e in p.mentions)
                latest = max((s for s, _ in p.mentions if s < mention[0]), default=-1)
                return (full, latest)

            person = max(people, key=weight)
            confidence = CONF_SHORT_AMBIGUOUS
        speaker = Speaker(mention, person.name, person.entity, _best_role(person), "surname", confidence)
        return Resolved(speaker, person, person.gender or gender)

    # --- common nouns -------------------------------------------------------------------------------
    def _common_noun(self, mention: Span, text: str, tokens: list[TokenAt], head: TokenAt | None) -> Resolved:
        role = _clean_role(text)
        if head is None:
            return Resolved(Speaker(mention, None, None, role or None, "unresolved", CONF_UNRESOLVED))
        noun = head.token.lemma_.lower()
        if noun in REPORT_NOUNS:
            owner = _owner(head)
            if owner is not None:
                found = self._resolve_mention(owner, Quote([mention]), depth=1)
                if found.speaker.name is not None:
                    found.speaker.mention = mention
                    found.speaker.confidence *= 0.9
                    return found
        determiners = {t.token.lower_ for t in tokens if t.token.dep_ in ("det", "nummod", "amod", "predet")}
        plural = head.token.tag_ in ("NNS", "NNPS")
        indefinite = bool(determiners & INDEFINITE_DETERMINERS) or (plural and "the" not in determiners)
        if indefinite or head.token.lower_ in ANONYMOUS_NOUNS and plural:
            return Resolved(Speaker(mention, None, None, role, "anonymous", CONF_ANONYMOUS), plural=plural, group=True)
        if noun in ROLE_NOUNS and not plural:
            person = self._role_match(noun, text, mention)
            if person is not None:
                speaker = Speaker(mention, person.name, person.entity, role, "role", CONF_ROLE)
                return Resolved(speaker, person, person.gender or role_gender(role))
            return Resolved(Speaker(mention, None, None, role, "unresolved", CONF_UNRESOLVED), gender=role_gender(role))
        if noun in ANONYMOUS_NOUNS:
            return Resolved(Speaker(mention, None, None, role, "anonymous", CONF_ANONYMOUS), plural=plural, group=True)
        # "the campaign", "the report": a thing or a group the text does not name here
        return Resolved(Speaker(mention, None, None, role, "unresolved", CONF_UNRESOLVED), plural=plural, group=True)

    def _role_match(self, noun: str, text: str, mention: Span) -> Person | None:
        """The person most recently named before ``mention`` whose role matches ``noun``."""
        modifiers = {w.lower() for w in words(text)} - {noun, "the", "a", "an"}
        return self.context.person_with_role(noun, modifiers, mention[0])

    # --- pronouns ------------------------------------------------------------------------------------
    def _pronoun(self, word: str, head: TokenAt | None, mention: Span, quote: Quote, depth: int) -> Resolved:
        if word in RELATIVE_PRONOUNS and head is not None and depth < 2:
            antecedent = _relative_antecedent(head)
            if antecedent is not None:
                found = self._resolve_mention(antecedent, quote, depth + 1)
                found.speaker.confidence *= 0.95
                found.speaker.mention = mention
                return found
        if word in FIRST_PERSON:
            return self._first_person(mention)
        if word in MALE_PRONOUNS or word in FEMALE_PRONOUNS:
            return self._personal(("m" if word in MALE_PRONOUNS else "f"), mention, quote)
        if word in PLURAL_PRONOUNS or word in NEUTER_PRONOUNS or word in DEMONSTRATIVES:
            return self._group(mention, plural=word in PLURAL_PRONOUNS)
        return Resolved(Speaker(mention, None, None, None, "unresolved", CONF_UNRESOLVED))

    def _first_person(self, mention: Span) -> Resolved:
        """"I" inside someone's quote is that speaker; in the article's own voice, the author."""
        for earlier in reversed(self.history):
            quote = next((q for q, r in self._quotes() if r is earlier), None)
            if quote and any(s <= mention[0] < e for s, e in quote.content):
                speaker = _copy(earlier.speaker, mention, earlier.speaker.confidence * 0.95)
                speaker.resolution = "pronoun" if speaker.name else speaker.resolution
                return Resolved(speaker, earlier.person, earlier.gender, earlier.plural, earlier.group)
        return Resolved(Speaker(mention, None, None, None, "unresolved", CONF_UNRESOLVED))

    def _group(self, mention: Span, plural: bool) -> Resolved:
        """"they"/"it": the previous speaker when that was a group or an organisation, else unresolved."""
        last = self.history[-1] if self.history else None
        if last is not None and last.group and self.context.paragraph_distance(last.position, mention[0]) <= 1:
            speaker = _copy(last.speaker, mention, min(last.speaker.confidence, CONF_ROLE))
            if speaker.name is not None:
                speaker.resolution = "pronoun"
            return Resolved(speaker, last.person, None, last.plural, True)
        return Resolved(Speaker(mention, None, None, None, "unresolved", CONF_UNRESOLVED), plural=plural, group=True)

    def _personal(self, gender: str, mention: Span, quote: Quote) -> Resolved:
        """"he"/"she": the most plausible earlier person of that gender, or None when no reader could tell."""
        context = self.context
        unresolved = Resolved(Speaker(mention, None, None, None, "unresolved", CONF_UNRESOLVED), gender=gender)
        last = self._last_person_speaker(mention[0])
        if _is_continuation(context.doc.text, quote):
            # "he added": the speaker of the quote just before, or nobody
            if last is None or last.gender not in (None, gender):
                return unresolved
            confidence = 0.85 if last.gender == gender else 0.7
            if context.crosses_cut(last.position, mention[0]):
                confidence -= 0.2
            return self._as_pronoun(last, mention, confidence)
        scores: dict[str, tuple[float, Resolved]] = {}
        for candidate, score in self._candidates(gender, mention, quote, last):
            key = candidate.person.key if candidate.person else (candidate.speaker.name or "")
            if key not in scores or score > scores[key][0]:
                scores[key] = (score, candidate)
        if not scores:
            return unresolved
        ranked = sorted(scores.values(), key=lambda item: -item[0])
        best_score, best = ranked[0]
        margin = best_score - ranked[1][0] if len(ranked) > 1 else best_score
        if best_score < PRONOUN_MIN_SCORE or margin < PRONOUN_MIN_MARGIN:
            return unresolved
        confidence = min(0.92, 0.45 + 0.06 * best_score + 0.08 * min(margin, 3.0))
        return self._as_pronoun(best, mention, confidence)

    def _candidates(self, gender: str, mention: Span, quote: Quote, last: Resolved | None):  # type: ignore[no-untyped-def]
        """(candidate, score) for every person a "he"/"she" at ``mention`` could mean."""
        context = self.context
        pos = mention[0]
        latest: dict[str, Span] = {}
        for person in context.people:
            spans = [s for s in person.mentions + person.role_mentions
                     if s[1] <= pos and not any(c[0] <= s[0] < c[1] for c in quote.content)]
            if spans and person.gender in (None, gender):
                latest[person.key] = max(spans)
        most_recent = max(latest, key=lambda k: latest[k]) if latest else None
        for person in context.people:
            if person.key not in latest:
                continue
            span = latest[person.key]
            distance = context.paragraph_distance(span[0], pos)
            if distance > MAX_PARAGRAPHS_BACK:
                continue
            score = DISTANCE_SCORE[distance]
            score += 1.0 if person.gender == gender else 0.0
            score += _grammar_score(context, span)
            if context.in_content(span):
                score -= 1.5
            if context.crosses_cut(span[0], pos):
                score -= 1.5
            if last is not None and last.person is person:
                score += 1.5
            if person.key == most_recent:
                score += 1.0
            yield Resolved(Speaker(None, person.name, person.entity, _best_role(person), "pronoun", 0.0),
                           person, person.gender), score
        # a speaker the document never names as a person ("Hoffman said" with no PERSON entity)
        if last is not None and last.person is None and last.speaker.name and last.gender in (None, gender):
            distance = context.paragraph_distance(last.position, pos)
            if distance <= MAX_PARAGRAPHS_BACK:
                yield last, DISTANCE_SCORE[distance] + 1.5 + (1.0 if last.gender == gender else 0.0)

    def _last_person_speaker(self, pos: int) -> Resolved | None:
        """The speaker of the previous quote, if a named person within reach."""
        if not self.history:
            return None
        last = self.history[-1]
        if last.speaker.name is None or last.group:
            return None
        if self.context.paragraph_distance(last.position, pos) > MAX_PARAGRAPHS_BACK:
            return None
        return last

    def _as_pronoun(self, source: Resolved, mention: Span, confidence: float) -> Resolved:
        speaker = _copy(source.speaker, mention, confidence)
        speaker.resolution = "pronoun"
        return Resolved(speaker, source.person, source.gender, source.plural, source.group)

    def _quotes(self):  # type: ignore[no-untyped-def]
        by_id = {id(q): q for q in self.context.doc.quotes}
        return [(by_id[k], r) for k, r in self._by_quote.items() if k in by_id]


_ALL_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS | PLURAL_PRONOUNS | FIRST_PERSON | NEUTER_PRONOUNS | RELATIVE_PRONOUNS


def _quote_start(quote: Quote) -> int:
    return min((s for s, _ in quote.content), default=quote.cue[0] if quote.cue else 0)


def _copy(speaker: Speaker, mention: Span | None, confidence: float) -> Speaker:
    confidence = max(0.0, min(1.0, confidence))
    return Speaker(mention, speaker.name, speaker.entity, speaker.role, speaker.resolution, confidence)


def _head(tokens: list[TokenAt]) -> TokenAt | None:
    """The token of the mention whose syntactic head lies outside it."""
    if not tokens:
        return None
    indices = {t.token.i for t in tokens}
    for tok in tokens:
        if tok.token.head.i not in indices or tok.token.head.i == tok.token.i:
            if tok.token.is_punct or tok.token.dep_ == "case":
                continue
            return tok
    return tokens[-1]


def _grammar_score(context: DocumentContext, span: Span) -> float:
    """Subjects are what later pronouns continue; possessives and objects of prepositions much less."""
    tok = context.token_at(span[0])
    if tok is None:
        return 0.0
    root = _root_of(tok, span, context).token
    if root.dep_ in SUBJECT_DEPS:
        return 1.0
    if root.dep_ == "poss" and root.head.dep_ in SUBJECT_DEPS:
        return 0.5  # "The president's roots came into play"
    if root.dep_ in ("poss", "pobj") or context.doc.text[span[1] : span[1] + 2] in ("'s", "’s"):
        return -1.0
    return 0.0


def _root_of(tok: TokenAt, span: Span, context: DocumentContext) -> TokenAt:
    tokens = context.tokens_in(span)
    return _head(tokens) or tok


def _relative_antecedent(head: TokenAt) -> Span | None:
    """The noun a relative clause hangs on: "Clinton, who said" -> "Clinton"."""
    verb = head.token.head
    if verb.dep_ != "relcl":
        return None
    noun = verb.head
    left = min((t for t in noun.subtree if t.i <= noun.i and t.dep_ in ("compound", "det", "amod", "poss")),
               key=lambda t: t.i, default=noun)
    offset = head.parse.offset
    return (offset + left.idx, offset + noun.idx + len(noun))


def _owner(head: TokenAt) -> Span | None:
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


def _is_continuation(text: str, quote: Quote) -> bool:
    if quote.cue is None:
        return False
    cue = " ".join(text[quote.cue[0] : quote.cue[1]].lower().split())
    return cue in CONTINUATION_CUES or cue.split(" ")[-1] in CONTINUATION_CUES


def _strip_honorifics(text: str) -> str:
    kept = [w for w in text.split() if w.lower().strip(".,") not in HONORIFICS]
    return " ".join(kept) if kept else text


def _honorific_gender(text: str) -> str | None:
    from newsprobe.speakers.names import honorific_gender

    return honorific_gender(text)


def _name_part(text: str, person: Person) -> str:
    """The words of the mention that belong to the person's name."""
    kept = [w for w in words(text) if w.lower().strip(".") in person.tokens]
    return " ".join(kept)


def _clean_role(text: str) -> str:
    kept = words(text)
    while kept and kept[0].lower() in ("the", "a", "an"):
        kept.pop(0)
    return " ".join(kept)


def _role_in_mention(text: str, tokens: list[TokenAt], person: Person) -> str | None:
    """The role a mention gives beside the name: "White House press secretary Karoline Leavitt"."""
    name_spans = person.mentions
    rest = [t for t in tokens if not any(s <= t.start < e for s, e in name_spans)]
    while rest and (rest[0].token.is_punct or rest[0].token.pos_ == "DET"):
        rest.pop(0)
    while rest and (rest[-1].token.is_punct or rest[-1].token.pos_ in ("DET", "CCONJ")):
        rest.pop()
    if not rest or not any(t.token.pos_ == "NOUN" for t in rest):
        return None
    words_ = [t.token.text for t in rest if t.token.lower_.strip(".") not in HONORIFICS or t.token.pos_ == "NOUN"]
    return " ".join(words_) or None


def _best_role(person: Person) -> str | None:
    """The most informative role the document gives a person (appositions first, then pre-modifiers)."""
    if not person.roles:
        return None
    with_noun = [r for r in person.roles if any(w.lower() in ROLE_NOUNS for w in words(r))]
    return (with_noun or person.roles)[0]
