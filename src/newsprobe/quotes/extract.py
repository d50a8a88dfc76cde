"""Attributions over the spaCy parse: a cue verb, what it introduces, and who it is attributed to.

Each paragraph is read on its own parse. A verb is a cue when the cue model (or, without one, the
speech-verb list) says so and it introduces something: a clause ("said the deal was close"), an
object ("called for a ceasefire") or a quoted run next to it ("“…,” he said", "said: “…”").
Quoted runs then join up: a run broken by its cue ("“…,” he said. “…”") and a run carried on
over paragraphs are parts of one quote; a quote-only paragraph after a quote continues its speaker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from newsprobe.data.speech import (
    CONTENT_PREPS,
    DASH_CUES,
    NOUN_CONTENT_PREPS,
    PASSIVE_CONTENT_PREPS,
    RAISING_PASSIVES,
    RAISING_VERBS,
    SOLE_CONTENT_PREPS,
)
from newsprobe.nlp import Parse
from newsprobe.quotes import frames
from newsprobe.quotes.bounds import aside_parts, complement_span, through_colon, trim, widen_to_runs
from newsprobe.quotes.cues import candidate_features
from newsprobe.quotes.found import Attribution
from newsprobe.quotes.lines import headline_line, transcript_line
from newsprobe.quotes.marks import QuoteRun
from newsprobe.quotes.speaker import mention_span, speaker_mention

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

CueScorer = Callable[[Attribution], float]

# Scores at or above this make a verb a cue (the model's probability). 0.4 maximises strict F1 with lenient F1
# flat, on PolNeAR train and dev alike (dev strict 0.646 -> 0.650, lenient 0.8046 -> 0.8045; 0.35 maximised
# lenient alone; cue models fitted on either half of train, scored on the other: strict +0.0024 on both, lenient
# -0.002); separate thresholds for quoted and unquoted content gained nothing on either.
CUE_THRESHOLD = 0.4
# Complement kinds of a passive verb without an agent whose subject is part of the content ("The plan was
# approved", "The mayor was criticized for …"; PolNeAR train's contents hold the passive subject 3 times in 4).
# Cue models fitted on part of PolNeAR train and scored on the rest, threshold 0.4: halves lenient F1 0.7787 ->
# 0.7807, strict 0.6418 -> 0.6433, speaker span 0.868 -> 0.870; quarters 0.7835 -> 0.7847, 0.6455 -> 0.6459,
# 0.8670 -> 0.8694. With "none" alone (halves) 0.7803 / 0.6432; with "prep2" ("charged with") too 0.7805 / 0.6421.
BARE_PASSIVE_KINDS = frozenset({"none", "prep"})
# Small words a title leaves in lower case ("State of the Union").
TITLE_SMALL_WORDS = frozenset({"of", "the", "and", "a", "an", "in", "on", "for", "to", "with", "at", "by"})
# A quoted run that starts a sentence and has at least this many words can stand as a quote of its own.
MIN_QUOTE_WORDS = 3


def find_in_paragraph(parse: Parse, runs: list[QuoteRun], index: int, scorer: CueScorer) -> list[Attribution]:
    """The attributions whose cue is in one parsed paragraph."""
    line = transcript_line(parse, index) or headline_line(parse, index, names_only=True)
    if line is not None:  # a transcript's turn is one attribution; what it reports is nested in it
        return [line]
    found: list[Attribution] = []
    claimed: set[int] = set()  # ids of runs some attribution took
    in_quote = _inside_runs(parse, runs)
    doc = parse.doc
    for sent in parse.sents:
        for token in sent:
            made, cue_token, kind = None, token, ""
            if token.text in DASH_CUES and token.i + 1 < len(doc):
                made = _dash_attribution(parse, sent, token, runs, index, claimed)
                if made is not None:  # a signed quote needs no cue model
                    made.runs = _runs_within(made, runs)
                    _take_runs(made, runs, claimed)
                    found.append(made)
                continue
            if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
                made, kind = _according_to(parse, sent, token, index), "according"
            elif token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
                kind = complement_kind(token)
                if _passive_agent(token) is not None and kind in ("none", "prep", "prep2"):
                    kind = "passive"  # "The plan was first reported by the Post"
                elif _colon_run(parse, sent, token, runs, claimed) is not None:
                    kind = "colon"  # "Koffler echoed Hoffman's position: “…”"
                elif (kind in ("none", "prep2") or (kind == "dobj" and frames.told_whom(token))) and _adjacent_run(
                    parse, sent, token, runs, claimed
                ) is not None:  # "“…,” she told MSNBC": the object is who heard it, the quote what was said
                    kind = "quote"
                elif kind == "prep" and _quote_before(parse, sent, token, runs, claimed):
                    kind = "quote"  # "“…,” she said of the plan", "“…,” protesters chanted on Black Friday"
                elif kind == "none" and token.dep_ in ("parataxis", "ccomp") and token.head.i > token.i:
                    kind = "aside"  # "But to prevent problems, he said, officials should be vigilant."
                elif kind in ("none", "prep", "prep2") and frames.reduced_passive(token) is not None:
                    kind = "acl-by"  # "a proposal championed by Trump": the noun is what the agent holds
                elif kind == "none" and token.dep_ == "parataxis" and frames.mid_sentence(token):
                    kind = "aside"  # "He had no known affiliations, the airline added, and had passed all checks."
                elif kind == "none" and frames.for_clause(token) is not None:
                    kind = "for-to"  # "is calling for the United States to step up its efforts"
                elif kind in ("none", "dobj") and token.dep_ == "advcl" and frames.marked_as(token):
                    kind = "as"  # "As the Times noted, Clinton raised $1.1 million"
                elif kind in BARE_PASSIVE_KINDS and _bare_passive_subject(token) is not None:
                    # "The plan was approved last year", "The mayor was criticized for …": the subject is what
                    # was held (with what the preposition takes)
                    kind = "passive-bare" if kind == "none" else "passive-prep"
                if kind == "for-to":
                    made = frames.for_to_attribution(parse, token, runs, index)
                elif kind == "as":
                    made = frames.as_attribution(parse, token, runs, index)
                elif kind == "acl-by":
                    made = frames.reduced_passive_attribution(parse, token, runs, index)
                elif kind != "none":
                    made = _verb_attribution(parse, sent, token, runs, index, claimed, kind)
            elif token.pos_ == "NOUN":
                made, kind = _noun_attribution(parse, token, runs, index)
            elif token.pos_ == "ADJ":
                made, kind = frames.adjective_attribution(parse, token, runs, index)
            if made is None or any(end <= start for start, end in made.content):
                continue  # an empty part: "…, Moreno said, most parks were thought …" read "said" as thought's
            made.runs = _runs_within(made, runs)
            made.key = f"{cue_token.lemma_.lower()}|{kind}"
            made.features = candidate_features(cue_token, kind, made, parse)
            if in_quote[token.i]:
                made.features = [f"inq|{f}" for f in made.features[:3]] + ["inq"]
            made.score = scorer(made)
            if made.score >= CUE_THRESHOLD:
                _take_runs(made, runs, claimed)
                found.append(made)
    return found


def complement_kind(verb: Token) -> str:
    """How a verb takes its content: the strongest complement relation it has ("none" when none)."""
    deps = {c.dep_ for c in verb.children}
    for dep in ("ccomp", "xcomp", "dobj", "parataxis", "dative", "oprd", "attr"):
        if dep in deps:
            return dep
    # a phrase before the verb ("In 2011, he accused …") sets the scene; it is not what the verb takes
    # nor does a time ("said on Tuesday", "reported in March")
    preps = [c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and not _timed(c)]
    if any(c.lower_ in CONTENT_PREPS for c in preps):
        return "prep"
    if any(c.lower_ in SOLE_CONTENT_PREPS for c in preps):
        return "prep2"  # "referring to the US as …", "took a shot at …": the model knows which verbs
    if any(c.text == ":" for c in verb.children):
        return "colon"
    return "none"


def _timed(preposition: Token) -> bool:
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in preposition.children)


def _verb_attribution(
    parse: Parse, sent: SpacySpan, verb: Token, runs: list[QuoteRun], index: int, claimed: set[int], kind: str
) -> Attribution | None:
    content = (
        complement_span(verb) if kind not in ("quote", "aside", "colon") and not kind.startswith("passive") else None
    )
    if kind in ("passive", "passive-bare"):
        return _passive_attribution(parse, verb, index)
    if kind == "passive-prep":
        return _subject_and_complement(parse, verb, index)
    if kind == "colon":
        run = _colon_run(parse, sent, verb, runs, claimed)
        mention = speaker_mention(parse, verb) if run is not None else None
        return Attribution([(run.start, run.end)], parse.char_span(verb), mention, index) if run else None
    if kind == "aside":
        parts = aside_parts(verb)
        if not parts:
            return None
        content_parts = [widen_to_runs(parse.char_span(p), runs, parse.char_span(verb)) for p in parts]
        mention = speaker_mention(parse, verb)
        return Attribution(content_parts, parse.char_span(verb), mention, index)
    if content is not None:
        content_span = widen_to_runs(parse.char_span(content), runs, parse.char_span(verb))
        content_span = through_colon(parse, content_span, runs, claimed)
        if kind == "dobj":
            content_span = frames.with_as_phrase(parse, verb, content_span)
    else:
        run = _adjacent_run(parse, sent, verb, runs, claimed)
        if run is None:
            return None
        content_span = (run.start, run.end)
    mention = speaker_mention(parse, verb)
    raised = _raised_subject(verb) if kind == "xcomp" and content is not None else None
    if raised is not None:  # "Enthusiasm appears to have plummeted": the subject is part of what is held
        content_span = (parse.char_span(raised.left_edge)[0], content_span[1])
        mention = None
    if mention is not None and content_span[0] <= mention[0] < content_span[1]:
        mention = None
    return Attribution([content_span], parse.char_span(verb), mention, index)


def _raised_subject(verb: Token) -> Token | None:
    """The subject of "X seems to …" / "X is expected to …", which belongs to the content, not the source."""
    lemma = verb.lemma_.lower()
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].i > verb.i or subjects[0].tag_ in ("WP", "WDT"):
        return None
    if subjects[0].dep_ == "nsubj" and lemma in RAISING_VERBS:
        return subjects[0]
    if subjects[0].dep_ == "nsubjpass" and lemma in RAISING_PASSIVES:
        return subjects[0]
    return None


def _passive_agent(verb: Token) -> Token | None:
    """The object of "by" in a passive clause with a subject ("was reported by the Post")."""
    if not any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _bare_passive_subject(verb: Token) -> Token | None:
    """The subject of a passive verb without an agent ("The results will be announced"), where it comes first."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if subject is None or subject.tag_ in ("WP", "WDT") or subject.lower_ in ("it", "there"):
        return None
    return subject


def _subject_and_complement(parse: Parse, verb: Token, index: int) -> Attribution | None:
    """ "The mayor was criticized for closing the pier": the passive subject, then what the preposition takes."""
    subject = _bare_passive_subject(verb)
    held = complement_span(verb)
    if subject is None or held is None:
        return None
    first = trim(verb.doc, subject.left_edge.i, subject.right_edge.i + 1)
    if first is None or first[1] > held.start:
        return None
    parts = [parse.char_span(verb.doc[first[0] : first[1]]), parse.char_span(held)]
    return Attribution(parts, parse.char_span(verb), None, index)


def _passive_attribution(parse: Parse, verb: Token, index: int) -> Attribution | None:
    """The passive subject is what was said or held; the agent (if any) says it."""
    agent = _passive_agent(verb)
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None:
        return None
    content = trim(verb.doc, subject.left_edge.i, subject.right_edge.i + 1)
    if content is None:
        return None
    mention = parse.char_span(mention_span(agent)) if agent is not None else None
    parts = [parse.char_span(verb.doc[content[0] : content[1]])]
    held = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in PASSIVE_CONTENT_PREPS), None)
    if held is not None and held.i > verb.i and held.right_edge.i > held.i:  # "was criticized by X for …"
        parts.append(parse.char_span(verb.doc[held.i : held.right_edge.i + 1]))
    return Attribution(parts, parse.char_span(verb), mention, index)


def _adjacent_run(
    parse: Parse, sent: SpacySpan, verb: Token, runs: list[QuoteRun], claimed: set[int]
) -> QuoteRun | None:
    """A quoted run right before the cue clause ("“…,” he said") or right after it ("said: “…”")."""
    sent_start, sent_end = parse.char_span(sent)
    clause = [t for t in verb.subtree] or [verb]
    # the parse may hang the quote before the verb on it ("“Wow, what a great idea,” Trump said in Iowa": "idea"
    # is the verb's dep): the clause starts after the quote marks
    quoted = [(r.start, r.end) for r in runs if r.start < sent_end and r.end > sent_start]  # runs are the page's
    opening = [t for t in clause if t.i >= verb.i or not _within(parse.char_span(t)[0], quoted)]
    clause_start = parse.char_span(opening[0])[0]
    clause_end = parse.char_span(clause[-1])[1]
    # and may hang the quote after it there too ("Trump replied, “Well, maybe so. …”": "so" an advmod of
    # "replied"): when all the clause holds after the verb is punctuation and quote, a comma or colon must set
    # the quote off
    after = [t for t in clause if t.i > verb.i]
    outside_end = clause_end
    if after and all(t.is_punct or _within(parse.char_span(t)[0], quoted) for t in after):
        outside_end = parse.char_span(verb)[1]
    text = parse.text
    best = None
    for run in runs:
        if id(run) in claimed:
            continue
        if run.end <= clause_start and run.end >= sent_start - 1:
            gap = text[run.end - parse.offset : clause_start - parse.offset]
            if len(gap.strip(" ,;:—–-")) == 0:
                best = run
        elif run.start >= clause_end - 1 and run.start <= sent_end + 2:
            gap = text[clause_end - parse.offset : run.start - parse.offset]
            if len(gap.strip(" ,;:—–-")) == 0 and best is None:
                return run
        elif outside_end < clause_end and run.start >= outside_end - 1 and best is None:
            gap = text[outside_end - parse.offset : run.start - parse.offset]
            if len(gap.strip(" ,;:—–-")) == 0 and any(ch in gap for ch in ",:"):
                return run
    return best


def _quote_before(parse: Parse, sent: SpacySpan, verb: Token, runs: list[QuoteRun], claimed: set[int]) -> bool:
    """Whether the quoted run next to the cue clause is the one right before it."""
    run = _adjacent_run(parse, sent, verb, runs, claimed)
    if run is None or run.end > parse.char_span(verb)[0]:
        return False
    return not _title_like(parse.text[run.start - parse.offset : run.end - parse.offset])


def _title_like(quoted: str) -> bool:
    """A short run of capitalised words: a show or a book (“Fareed Zakaria GPS,”), not something said
    (“Mexico!”)."""
    if "!" in quoted or "?" in quoted:
        return False
    words = [w for w in quoted.strip(" “”\"'‘’«»,.").split() if w.lower() not in TITLE_SMALL_WORDS]
    return 0 < len(words) <= 6 and all(w[0].isupper() or not w[0].isalpha() for w in words)


def _within(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def _colon_run(parse: Parse, sent: SpacySpan, verb: Token, runs: list[QuoteRun], claimed: set[int]) -> QuoteRun | None:
    """The quoted run after a colon that closes the verb's clause ("said: “…”", "echoed his view: “…”")."""
    doc = parse.doc
    for i in range(verb.i + 1, sent.end):
        token = doc[i]
        if token.text == ":":
            colon_end = parse.char_span(token)[1]
            for run in runs:
                if id(run) not in claimed and run.start >= colon_end:
                    gap = parse.text[colon_end - parse.offset : run.start - parse.offset]
                    return run if not gap.strip() else None
            return None
        if token.pos_ == "VERB" or token.text in '.;“"«':
            return None
    return None


def _noun_attribution(parse: Parse, noun: Token, runs: list[QuoteRun], index: int) -> tuple[Attribution | None, str]:
    """ "Trump's claim that …", "warnings from his attorney that …", "concerns about …"."""
    clause = [
        c
        for c in noun.children
        if c.dep_ in ("acl", "ccomp")
        and c.i > noun.i
        and (c.left_edge.lower_ in ("that", "to") or any(g.dep_ == "mark" for g in c.children))
    ]
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in NOUN_CONTENT_PREPS and c.i > noun.i]
    chosen, kind = (clause, "N-clause") if clause else (preps, f"N-{preps[0].lower_}") if preps else ([], "")
    if not chosen:
        return None, ""
    if not clause and preps[0].i + 1 <= preps[0].right_edge.i:
        chosen = [g for g in preps[0].children if g.dep_ in ("pobj", "pcomp")] or chosen  # "critique of X": X
    doc = noun.doc
    start = min(c.left_edge.i for c in chosen)
    end = max(c.right_edge.i for c in chosen) + 1
    trimmed = trim(doc, start, end)
    if trimmed is None:
        return None, ""
    content = widen_to_runs(parse.char_span(doc[trimmed[0] : trimmed[1]]), runs, parse.char_span(noun))
    sources = [c for c in noun.children if c.dep_ == "poss"]
    sources += [
        g
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in ("from", "by")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    mention = parse.char_span(mention_span(sources[0])) if sources else None
    return Attribution([content], parse.char_span(noun), mention, index), kind


def _dash_attribution(
    parse: Parse, sent: SpacySpan, dash: Token, runs: list[QuoteRun], index: int, claimed: set[int]
) -> Attribution | None:
    """ "“…” ― Adriana Rodarte": a quote signed with a dash and a name after it."""
    start = parse.char_span(dash)[0]
    text = parse.text
    before = [
        r
        for r in runs
        if id(r) not in claimed and r.end <= start and not text[r.end - parse.offset : start - parse.offset].strip()
    ]
    first = dash.i + 1
    while first < len(dash.doc) and dash.doc[first].is_space:
        first += 1
    after = dash.doc[first : min(len(dash.doc), first + 5)]
    if not before or not after or not after[0].text[:1].isupper():
        return None
    end = 0
    while end < len(after) and (after[end].pos_ == "PROPN" or after[end].text == "-"):
        end += 1
    if end == 0:
        return None
    mention = parse.char_span(after[:end])
    run = before[-1]
    return Attribution([(run.start, run.end)], parse.char_span(dash), mention, index)


def _according_to(parse: Parse, sent: SpacySpan, according: Token, index: int) -> Attribution | None:
    """ "…, according to officials": the rest of the sentence is the content, the object the source."""
    doc = parse.doc
    to = doc[according.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"] or [c for c in according.children if c.dep_ == "pobj"]
    phrase = sorted({t.i for t in according.subtree} | {t.i for t in to.subtree} | {according.i, to.i})
    lo, hi = phrase[0], phrase[-1] + 1
    before = trim(doc, sent.start, lo)
    after = trim(doc, hi, sent.end)
    parts = [p for p in (before, after) if p is not None and p[1] - p[0] >= 2]
    if not parts:
        return None
    content = [parse.char_span(doc[a:b]) for a, b in parts]
    mention = parse.char_span(mention_span(objects[0])) if objects else None
    return Attribution(content, parse.char_span(doc[according.i : to.i + 1]), mention, index)


def _inside_runs(parse: Parse, runs: list[QuoteRun]) -> list[bool]:
    offset = parse.offset
    # only the runs that reach into this paragraph can hold its tokens (runs are the whole page's)
    near = [r for r in runs if r.start < offset + len(parse.text) and r.end - 1 > offset]
    if not near:
        return [False] * len(parse.doc)
    return [any(r.start < offset + idx < r.end - 1 for r in near) for idx in (token.idx for token in parse.doc)]


def _runs_within(attribution: Attribution, runs: list[QuoteRun]) -> list[QuoteRun]:
    return [r for r in runs if any(s <= r.start and r.end <= e for s, e in attribution.content)]


def _take_runs(attribution: Attribution, runs: list[QuoteRun], claimed: set[int]) -> None:
    claimed.update(id(r) for r in attribution.runs)
