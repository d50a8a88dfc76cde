"""Resolve each quote's speaker mention to the fullest name, entity and role the document gives.

Rules on the parse and entities (no coreference model installs offline): names and short names
match the document's people; pronouns go to the most plausible earlier person by gender, recency,
grammatical role and who was speaking (``speakers.pronouns``); role nouns to the person whose role
matches; indefinite and plural sources stay anonymous. When no reader could tell, the name stays None:
a confident wrong name is the worst outcome, so every path states its confidence.
"""

from __future__ import annotations

from dataclasses import replace

from newsprobe.data.people import (
    ANONYMOUS_NOUNS,
    FEMALE_PRONOUNS,
    FIRST_PERSON,
    INDEFINITE_DETERMINERS,
    MALE_PRONOUNS,
    NEUTER_PRONOUNS,
    ORGANISATION_NOUNS,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    REPORT_NOUNS,
    ROLE_NOUNS,
)
from newsprobe.record import Quote, Span, Speaker
from newsprobe.speakers.context import Person, TokenAt
from newsprobe.speakers.mentions import (
    best_role,
    clean_role,
    mention_head,
    name_part,
    report_owner,
    role_in_mention,
    strip_honorifics,
)
from newsprobe.speakers.names import (
    first_name_gender,
    full_name_in_text,
    honorific_gender,
    name_key,
    role_gender,
    words,
)
from newsprobe.speakers.pronouns import CONF_ROLE, CONF_UNRESOLVED, PronounResolver, Resolved, copy_speaker

# Confidence of each path, calibrated on PolNeAR dev (scripts/eval_speakers.py with 95 hand-labelled pronoun and
# role sources): the share of right answers each path had there, rounded down where the sample was small.
CONF_FULL_NAME = 0.95  # the mention holds the full name
CONF_SHORT_UNIQUE = 0.92  # a short name, and one person in the document has it
CONF_SHORT_AMBIGUOUS = 0.8  # a short name two people share ("Clinton"): the most mentioned one (21/23 on dev)
CONF_SHORT_ONLY = 0.85  # a short name the document never completes ("Hoffman")
CONF_ORG = 0.8  # an organisation or place speaks ("the Moscow Times", "Russia")
CONF_ANONYMOUS = 0.9  # "a source", "officials"
CONF_CONTINUED = 0.6  # no mention: the paragraph continues the previous speaker
QUOTE_MARKS = "\"“‘'«„"


class SpeakerResolver(PronounResolver):
    """Resolves the quotes of one document, in text order, remembering who spoke."""

    def resolve_all(self, quotes: list[Quote]) -> None:
        """Fill ``speaker.name/entity/role/resolution/confidence`` on every quote."""
        by_mention: dict[tuple[int, int], Speaker] = {}
        for quote in sorted(quotes, key=_quote_start):
            mention = quote.speaker.mention
            if mention is not None and (mention[0], mention[1]) in by_mention:
                # "“…,” he added, referring to …": one mention, two quotes, one speaker
                quote.speaker = replace(by_mention[(mention[0], mention[1])])
                continue
            resolved = self.resolve(quote)
            quote.speaker = resolved.speaker
            if mention is not None:
                by_mention[(mention[0], mention[1])] = resolved.speaker
            if resolved.person is not None and resolved.speaker.mention is not None:
                # "She says …" resolved to Clinton keeps Clinton within reach of the next "she"
                resolved.person.role_mentions.append(resolved.speaker.mention)
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
        text = self.context.doc.text
        segment = self.context.segments[self.context.segment_index(anchor)] if self.context.segments else None
        # only a paragraph that opens with the quote mark: "“…" on its own after the speaker's quote
        opens_paragraph = (
            segment is not None
            and not text[segment.start : anchor].strip().strip(QUOTE_MARKS)
            and (text[anchor : anchor + 1] in QUOTE_MARKS or text[anchor - 1 : anchor] in QUOTE_MARKS)
        )
        if (
            last is not None
            and opens_paragraph
            and last.speaker.name is not None
            and self.context.paragraph_distance(last.position, anchor) <= 1
            and not self.context.crosses_cut(last.position, anchor)
        ):
            speaker = copy_speaker(last.speaker, None, CONF_CONTINUED * last.speaker.confidence / CONF_FULL_NAME)
            return Resolved(speaker, last.person, last.gender, last.plural, last.group, anchor)
        return Resolved(Speaker(None, None, None, None, "unresolved", CONF_UNRESOLVED), position=anchor)

    def _resolve_mention(self, mention: Span, quote: Quote, depth: int) -> Resolved:
        context = self.context
        text = context.doc.text[mention[0] : mention[1]]
        tokens = context.tokens_in(mention)
        head = mention_head(tokens)
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
            if (
                head.token.tag_ in ("NNS", "NNPS")
                or head_noun in REPORT_NOUNS
                or head.token.pos_ not in ("NOUN", "NUM", "PRON")
            ):
                continue  # "Clinton aides"; "A new ad from Donald Trump's campaign" names Trump, but the ad speaks
            if any(t.token.dep_ == "appos" for t in name_tokens):
                ranked.append((2, person))
            elif name_tokens[-1].end >= mention[1] - 1 and name_tokens[0].token.dep_ != "poss":
                ranked.append((1, person))
        return max(ranked, key=lambda item: item[0])[1] if ranked else None

    def _named(self, person: Person, mention: Span, text: str, tokens: list[TokenAt]) -> Resolved:
        key = name_key(name_part(text, person))
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
        role = role_in_mention(text, tokens, person) or best_role(person)
        speaker = Speaker(mention, person.name, person.entity, role, resolution, confidence)
        return Resolved(speaker, person, person.gender or role_gender(role or ""), False, False)

    def _proper_name(self, mention: Span, text: str, tokens: list[TokenAt], head: TokenAt | None) -> Resolved | None:
        context = self.context
        entity = next(
            (
                e
                for span, e in context.entity_at.items()
                if span[0] < mention[1] and mention[0] < span[1] and (head is None or span[0] <= head.start < span[1])
            ),
            None,
        )
        if entity is not None and entity.type in ("ORG", "GPE", "NORP", "LOC", "FAC", "WORK_OF_ART", "PRODUCT"):
            if entity.type == "NORP":
                role = clean_role(text)
                if text.rstrip().endswith("s"):  # "Republicans", "Democrats": a group
                    speaker = Speaker(mention, None, None, role, "anonymous", CONF_ANONYMOUS)
                    return Resolved(speaker, plural=True, group=True)
                # "The Republican": a person by affiliation, like a role noun
                person = self._role_match(role.lower(), text, mention)
                if person is not None:
                    speaker = Speaker(mention, person.name, person.entity, role, "role", CONF_ROLE)
                    return Resolved(speaker, person, person.gender)
                return Resolved(Speaker(mention, None, None, role, "unresolved", CONF_UNRESOLVED))
            # a short person name mistyped as an organisation ("Trump said" tagged ORG) is still the person
            people = context.people_matching(entity.name)
            if len(name_key(entity.name)) == 1 and people:
                return self._short_name(mention, text, people)
            speaker = Speaker(mention, entity.name, entity.id, None, "named", CONF_ORG)
            return Resolved(speaker, plural=False, group=True)
        people = context.people_matching(strip_honorifics(text))
        if people:
            return self._short_name(mention, text, people)
        key = name_key(text)
        if 1 <= len(key) <= 3 and all(
            w[:1].isupper() and w.lower() not in ANONYMOUS_NOUNS for w in words(strip_honorifics(text))
        ):
            # a name spaCy did not type: the full name the text gives for it, else the name as given
            name = " ".join(words(strip_honorifics(text)))
            if text.isupper():
                name = name.title()
            gender = honorific_gender(text)
            full = full_name_in_text(context.doc.text, name) if len(key) == 1 else None
            if full is not None:
                gender = gender or first_name_gender(full.split()[0])
                speaker = Speaker(mention, full, None, None, "surname", CONF_SHORT_UNIQUE - 0.1)
                return Resolved(speaker, None, gender)
            speaker = Speaker(mention, name, None, None, "surname" if len(key) == 1 else "named", CONF_SHORT_ONLY - 0.1)
            return Resolved(speaker, None, gender)
        return None

    def _short_name(self, mention: Span, text: str, people: list[Person]) -> Resolved:
        gender = honorific_gender(text)
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
        speaker = Speaker(mention, person.name, person.entity, best_role(person), "surname", confidence)
        return Resolved(speaker, person, person.gender or gender)

    # --- common nouns -------------------------------------------------------------------------------
    def _common_noun(self, mention: Span, text: str, tokens: list[TokenAt], head: TokenAt | None) -> Resolved:
        role = clean_role(text)
        if head is None:
            return Resolved(Speaker(mention, None, None, role or None, "unresolved", CONF_UNRESOLVED))
        noun = head.token.lemma_.lower()
        determiners = {t.token.lower_ for t in tokens if t.token.dep_ in ("det", "nummod", "amod", "predet")}
        if noun in REPORT_NOUNS:
            owner = report_owner(head)
            if owner is not None:
                found = self._resolve_mention(owner, Quote([mention]), depth=1)
                if found.speaker.name is not None:
                    found.speaker.mention = mention
                    found.speaker.confidence *= 0.9
                    found.report = True
                    return found
            last = self.history[-1] if self.history else None
            if (
                "the" in determiners
                and last is not None
                and last.report
                and self.context.paragraph_distance(last.position, mention[0]) <= 1
            ):
                # "The article claimed …" right after "A report by the Moscow Times … said"
                speaker = copy_speaker(last.speaker, mention, last.speaker.confidence * 0.9)
                return Resolved(speaker, last.person, None, False, True, report=True)
        if noun in ORGANISATION_NOUNS and not head.token.tag_.endswith("S"):
            proper = [t for t in tokens if t.token.head.i == head.token.i and t.token.pos_ == "PROPN"]
            if proper:  # "the Trump administration", "the Clinton campaign": an organisation the text names
                name = " ".join(t.token.text for t in tokens if t.token.pos_ != "DET" and not t.token.is_punct)
                return Resolved(Speaker(mention, name, None, None, "named", CONF_ORG), group=True)
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
        affiliations = {w for w in words(text)[1:] if w[:1].isupper() and w.lower() != noun}
        return self.context.person_with_role(noun, modifiers, mention[0], affiliations)


_ALL_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS | PLURAL_PRONOUNS | FIRST_PERSON | NEUTER_PRONOUNS | RELATIVE_PRONOUNS


def _quote_start(quote: Quote) -> int:
    return min((s for s, _ in quote.content), default=quote.cue[0] if quote.cue else 0)
