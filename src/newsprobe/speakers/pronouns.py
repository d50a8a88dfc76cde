"""Pronoun speakers: "he"/"she", "they"/"it", "I" and a relative "who", read against the speakers before them.

``PronounResolver`` is the half of ``speakers.resolve.SpeakerResolver`` that reads pronouns: it holds the
history of the speakers resolved so far, which a pronoun continues, and ``Resolved`` is what each quote's
resolution leaves for the pronouns after it. A pronoun no reader could resolve keeps its name None.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsprobe.data.people import (
    DEMONSTRATIVES,
    FEMALE_PRONOUNS,
    FIRST_PERSON,
    MALE_PRONOUNS,
    NEUTER_PRONOUNS,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
)
from newsprobe.record import Quote, Span, Speaker
from newsprobe.speakers.context import DocumentContext, Person, TokenAt
from newsprobe.speakers.mentions import best_role, grammar_score, is_continuation, relative_antecedent

# Confidences calibrated on PolNeAR dev with the others in ``speakers.resolve`` (scripts/eval_speakers.py with 95
# hand-labelled pronoun and role sources): the share of right answers each path had there.
CONF_ROLE = 0.75  # "the president" matched to the person with that role (8/8 on dev: a small sample)
CONF_RELATIVE_FALLBACK = 0.7  # "who" after a person's name that the parse did not attach to it
CONF_RIVALS = 0.6  # "he" after two men in one sentence: the subject, but a reader may hesitate
RELATIVE_REACH = 40  # characters between a name and the "who" that the parse attached elsewhere
CONF_UNRESOLVED = 0.5  # the text does not tell: None was right for about half such hand-labelled sources
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
    report: bool = False  # named through a report ("a report by the Moscow Times"): "the article" continues it


class PronounResolver:
    """Resolves pronoun mentions of one document's quotes against the speakers resolved before them."""

    def __init__(self, context: DocumentContext):
        self.context = context
        self.history: list[Resolved] = []
        self._by_quote: dict[int, Resolved] = {}

    def _resolve_mention(self, mention: Span, quote: Quote, depth: int) -> Resolved:
        """Any mention's speaker (given by ``SpeakerResolver``): a relative "who" resolves its antecedent."""
        raise NotImplementedError

    def _pronoun(self, word: str, head: TokenAt | None, mention: Span, quote: Quote, depth: int) -> Resolved:
        if word in RELATIVE_PRONOUNS and head is not None and depth < 2:
            antecedent = relative_antecedent(head)
            found = self._resolve_mention(antecedent, quote, depth + 1) if antecedent is not None else None
            place = (
                found is not None
                and found.speaker.entity is not None
                and any(
                    e.id == found.speaker.entity and e.type in ("GPE", "LOC", "FAC") for e in self.context.doc.entities
                )
            )
            if word in ("who", "whom", "whose") and (found is None or place):
                # "Donna Rawlings, 59, of Ashton, Md., who watched": the parse hangs "who" on the place
                person = self._person_just_before(mention, within=RELATIVE_REACH)
                if person is not None:
                    speaker = Speaker(mention, person.name, person.entity, best_role(person), "pronoun", 0.0)
                    found = Resolved(speaker, person, person.gender)
                    found.speaker.confidence = CONF_RELATIVE_FALLBACK
                elif place:  # "who" is a person, never the place the parse hung it on
                    found = Resolved(Speaker(mention, None, None, None, "unresolved", CONF_UNRESOLVED))
            if found is not None:
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

    def _person_just_before(self, mention: Span, within: int) -> Person | None:
        """The person whose mention ends closest before ``mention``, in the same sentence and ``within`` characters."""
        tok = self.context.token_at(mention[0])
        if tok is None:
            return None
        sentence_start = tok.parse.offset + tok.token.sent.start_char
        best: tuple[int, Person] | None = None
        for person in self.context.people:
            for start, end in person.mentions:
                if (
                    max(sentence_start, mention[0] - within) <= start
                    and end <= mention[0]
                    and (best is None or end > best[0])
                ):
                    best = (end, person)
        return best[1] if best is not None else None

    def _first_person(self, mention: Span) -> Resolved:
        """ "I" inside someone's quote is that speaker; in the article's own voice, the author."""
        for earlier in reversed(self.history):
            quote = next((q for q, r in self._quotes() if r is earlier), None)
            if quote and any(s <= mention[0] < e for s, e in quote.content):
                speaker = copy_speaker(earlier.speaker, mention, earlier.speaker.confidence * 0.95)
                speaker.resolution = "pronoun" if speaker.name else speaker.resolution
                return Resolved(speaker, earlier.person, earlier.gender, earlier.plural, earlier.group)
        return Resolved(Speaker(mention, None, None, None, "unresolved", CONF_UNRESOLVED))

    def _group(self, mention: Span, plural: bool) -> Resolved:
        """ "they"/"it": the previous speaker when that was a group or an organisation, else unresolved."""
        last = self.history[-1] if self.history else None
        if last is not None and last.group and self.context.paragraph_distance(last.position, mention[0]) <= 1:
            speaker = copy_speaker(last.speaker, mention, min(last.speaker.confidence, CONF_ROLE))
            if speaker.name is not None:
                speaker.resolution = "pronoun"
            return Resolved(speaker, last.person, None, last.plural, True)
        return Resolved(Speaker(mention, None, None, None, "unresolved", CONF_UNRESOLVED), plural=plural, group=True)

    def _personal(self, gender: str, mention: Span, quote: Quote) -> Resolved:
        """ "he"/"she": the most plausible earlier person of that gender, or None when no reader could tell."""
        context = self.context
        unresolved = Resolved(Speaker(mention, None, None, None, "unresolved", CONF_UNRESOLVED), gender=gender)
        last = self._last_person_speaker(mention[0])
        if is_continuation(context.doc.text, quote):
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
        if len(ranked) > 1 and self._rivals(best, ranked[1][1], gender, mention):
            confidence = min(confidence, CONF_RIVALS)
        return self._as_pronoun(best, mention, confidence)

    def _candidates(self, gender: str, mention: Span, quote: Quote, last: Resolved | None):  # type: ignore[no-untyped-def]
        """(candidate, score) for every person a "he"/"she" at ``mention`` could mean."""
        context = self.context
        pos = mention[0]
        latest: dict[str, Span] = {}
        topics: dict[str, Span] = {}
        for person in context.people:
            spans = [
                s
                for s in person.mentions + person.role_mentions
                if s[1] <= pos and not any(c[0] <= s[0] < c[1] for c in quote.content)
            ]
            if spans and person.gender in (None, gender):
                latest[person.key] = max(spans)
                as_topic = [s for s in spans if grammar_score(context, s) > 0]
                if as_topic:
                    topics[person.key] = max(as_topic)
        # the person most recently the subject of a clause is who a "he"/"she" most often continues
        most_recent = max(topics, key=lambda k: topics[k]) if topics else None
        if not latest:
            yield from self._cataphora(gender, mention)
            return
        enclosing = self._enclosing_speaker(mention)
        for person in context.people:
            if person.key not in latest or person is enclosing:
                continue  # "he" inside someone's quote is not that someone
            span = latest[person.key]
            distance = context.paragraph_distance(span[0], pos)
            if distance > MAX_PARAGRAPHS_BACK:
                continue
            score = DISTANCE_SCORE[distance]
            score += 1.0 if person.gender == gender else 0.0
            score += grammar_score(context, span)
            if context.in_content(span):
                score -= 1.5
            if context.crosses_cut(span[0], pos):
                score -= 1.5
            if last is not None and last.person is person:
                score += 1.5
            if person.key == most_recent:
                score += 1.0
            yield (
                Resolved(
                    Speaker(None, person.name, person.entity, best_role(person), "pronoun", 0.0), person, person.gender
                ),
                score,
            )
        # a speaker the document never names as a person ("Hoffman said" with no PERSON entity)
        if last is not None and last.person is None and last.speaker.name and last.gender in (None, gender):
            distance = context.paragraph_distance(last.position, pos)
            if distance <= MAX_PARAGRAPHS_BACK:
                yield last, DISTANCE_SCORE[distance] + 1.5 + (1.0 if last.gender == gender else 0.0)

    def _enclosing_speaker(self, mention: Span) -> Person | None:
        """The speaker of the quote whose content holds ``mention``, if any."""
        for quote, resolved in self._quotes():
            if any(s <= mention[0] < e for s, e in quote.content):
                return resolved.person
        return None

    def _rivals(self, best: Resolved, second: Resolved, gender: str, mention: Span) -> bool:
        """Two people of the pronoun's gender in one sentence, neither the last speaker: a reader can't tell."""
        if best.person is None or second.person is None or best.gender != gender or second.gender != gender:
            return False
        last = self.history[-1] if self.history else None
        if last is not None and last.person is best.person:
            return False
        sentences = []
        for person in (best.person, second.person):
            spans = [s for s in person.mentions if s[1] <= mention[0]]
            tok = self.context.token_at(spans[-1][0]) if spans else None
            if tok is None:
                return False
            sentences.append((id(tok.parse), tok.token.sent.start))
        return sentences[0] == sentences[1]

    def _cataphora(self, gender: str, mention: Span):  # type: ignore[no-untyped-def]
        """ "Back when he wrote his book, Mr. McKinley said": the subject named later in the same sentence."""
        tok = self.context.token_at(mention[0])
        if tok is None:
            return
        sentence = tok.token.sent
        end = tok.parse.offset + sentence.end_char
        for person in self.context.people:
            if person.gender not in (None, gender):
                continue
            later = [s for s in person.mentions if mention[1] <= s[0] < end and grammar_score(self.context, s) > 0]
            if later:
                score = 3.0 + (1.0 if person.gender == gender else 0.0)
                yield (
                    Resolved(
                        Speaker(None, person.name, person.entity, best_role(person), "pronoun", 0.0),
                        person,
                        person.gender,
                    ),
                    score,
                )

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
        speaker = copy_speaker(source.speaker, mention, confidence)
        speaker.resolution = "pronoun"
        return Resolved(speaker, source.person, source.gender, source.plural, source.group)

    def _quotes(self):  # type: ignore[no-untyped-def]
        by_id = {id(q): q for q in self.context.doc.quotes}
        return [(by_id[k], r) for k, r in self._by_quote.items() if k in by_id]


def copy_speaker(speaker: Speaker, mention: Span | None, confidence: float) -> Speaker:
    """The speaker at another mention, with ``confidence`` (kept between 0 and 1)."""
    confidence = max(0.0, min(1.0, confidence))
    return Speaker(mention, speaker.name, speaker.entity, speaker.role, speaker.resolution, confidence)
