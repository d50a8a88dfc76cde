"""Figures in text, normalised: money, percentages, counts, dates and periods, physical quantities.

A regex reader of our own: quantulum3, dateparser and price-parser each misread forms that news
text uses all the time ("$1.2bn", "€2.5m", "half a million dollars", "30,000-lb.", "since February
2022"); see ../shared/docs/NOTES.md. ``find_figures`` returns non-overlapping ``Figure``s in text order;
the longest reading of a stretch of text wins ("$66.5 billion" is one money figure, not a count).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from newsprobe.data import figures as vocab
from newsprobe.record import Figure


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_UNITS_WORDS = [w for w, n in vocab.NUMBER_WORDS.items() if n < 20 and w not in ("dozen",)]
_TENS_WORDS = [w for w, n in vocab.NUMBER_WORDS.items() if n >= 20 and n % 10 == 0 and n < 100]
_WORD_NUMBER = (
    rf"(?:(?:a\s+)?(?:{_alternation(vocab.FRACTION_WORDS)})\s+(?:of\s+)?an?"
    rf"|(?:{_alternation(_TENS_WORDS)})(?:-(?:{_alternation(_UNITS_WORDS)}))?"
    rf"|(?:{_alternation(_UNITS_WORDS)})|a\s+dozen|an?)(?:\s+hundred)?"
)
_DIGITS = r"(?<![\w.,:/-])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|(?<![\w.,:/-])\.\d+"
_SCALE = _alternation(vocab.MULTIPLIERS)
# A number, written in digits or words, with an optional scale ("40 million", "$1.2bn", "half a million").
_AMOUNT = rf"(?P<num>{_DIGITS}|\b{_WORD_NUMBER})(?:(?P<gap>\s?)(?P<mult>{_SCALE})\b)?"

_SYMBOLS = _alternation(vocab.CURRENCY_SYMBOLS)
_CODES = _alternation(vocab.CURRENCY_CODES)
_CURRENCY_WORDS = _alternation(vocab.CURRENCY_WORDS)

MONEY = re.compile(
    rf"(?:(?P<sym>{_SYMBOLS})\s?|\b(?P<code>{_CODES})\s?){_AMOUNT}"
    rf"|{_AMOUNT.replace('?P<', '?P<b_')}\s+(?:(?P<word>{_CURRENCY_WORDS})\b|(?P<code_after>{_CODES})\b)",
    re.I,
)
PERCENT = re.compile(rf"{_AMOUNT}\s?(?P<pct>%|percent\b|per\s+cent\b|percentage\s+points?\b)", re.I)
_UNIT_WORDS = _alternation(u for u in vocab.UNITS if u not in vocab.ATTACHED_ONLY_UNITS and not u.endswith("-"))
# The dot of "30,000-lb. bomb" belongs to the abbreviation; after other units it ends the sentence.
QUANTITY = re.compile(rf"{_AMOUNT}(?:-|\s)?(?P<unit>{_UNIT_WORDS})\b(?P<dot>(?<=lb|bs|ft|oz|yd|mi)\.(?=\s+\w))?", re.I)
# Temperatures written against the number, capital letter only: "45C (113F)", "45 °C"; "5c" is five cents.
TEMPERATURE = re.compile(rf"(?P<num>{_DIGITS})\s?(?:°\s?)?(?P<unit>[CF])\b")
COUNT = re.compile(_AMOUNT, re.I)

_MONTH = _alternation(m.capitalize() for m in vocab.MONTHS)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)"
_OPENER = rf"(?:(?P<opener>{_alternation(vocab.PERIOD_OPENERS)})\s+(?:the\s+end\s+of\s+)?)?"
DATE_FORMS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b{_OPENER}(?P<year>\d{{4}})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b", re.I)),
    ("mdy", re.compile(rf"\b{_OPENER}(?P<month>{_MONTH})\.?\s+{_DAY},?\s+{_YEAR}\b")),
    ("dmy", re.compile(rf"\b{_OPENER}{_DAY}\s+(?:of\s+)?(?P<month>{_MONTH})\.?,?\s+{_YEAR}\b")),
    ("my", re.compile(rf"\b{_OPENER}(?P<month>{_MONTH})\.?,?\s+(?:of\s+)?{_YEAR}\b")),
    ("md", re.compile(rf"\b{_OPENER}(?P<month>{_MONTH})\.?\s+{_DAY}\b(?![,:]?\s*\d)")),
    ("y", re.compile(rf"(?<![\w$€£¥.,/-]){_OPENER}{_YEAR}\b(?![\d%]|[,.-]\d|\s?(?:{_SCALE})\b)")),
    (
        "m",
        re.compile(
            rf"\b(?P<opener>in|for|during|of|since|from|until|by|last|next|this|early|late|mid-)\s*"
            rf"(?P<month>{_MONTH})\b"
            rf"(?![.,]?\s+(?:[0-3]?\d\b|1[6-9]\d\d|20\d\d))"
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<opener>on|last|this|next|since)\s+)?(?P<weekday>"
            rf"{_alternation(w.capitalize() for w in vocab.WEEKDAYS)})\b"
        ),
    ),
    (
        "relative",
        re.compile(rf"\b(?:(?P<opener>since|until|by)\s+)?(?P<rel>{_alternation(vocab.RELATIVE_DATES)})\b", re.I),
    ),
]

# Cheap tests that let a sentence skip patterns that cannot match it (the same figures, less scanning):
# these date forms and temperatures need a digit (``\d``, as in the patterns), percentages "%" or "per".
_ANY_DIGIT = re.compile(r"\d")
_DIGIT_FORMS = frozenset({"iso", "mdy", "dmy", "my", "md", "y"})
_PERCENT_HINT = re.compile(r"%|per", re.I)

_KIND_RANK = {"date": 0, "money": 1, "percent": 2, "quantity": 3, "count": 4}


def parse_published(published: str | None) -> date | None:
    """The publication date of a record's ``published`` field (ISO date or datetime), or None."""
    if not published:
        return None
    text = published.strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
        return date(int(match[1]), int(match[2]), int(match[3])) if match else None


def find_figures(text: str, published: date | str | None = None, offset: int = 0) -> list[Figure]:
    """The figures of ``text``; spans are shifted by ``offset``; relative dates resolve against ``published``."""
    if isinstance(published, str):
        published = parse_published(published)
    found: list[Figure] = []
    has_digit = _ANY_DIGIT.search(text) is not None
    found += _dates(text, published, has_digit)
    found += _money(text)
    if _PERCENT_HINT.search(text):
        found += _percents(text)
    found += _quantities(text, has_digit)
    found += _counts(text)
    chosen: list[Figure] = []
    taken: list[tuple[int, int]] = []
    # A count is the weakest reading ("2014 murder" is a year, "$841.4 billion budget" money); otherwise
    # the longest reading of a stretch wins ("since February 2022" over "2022").
    for figure in sorted(found, key=lambda f: (f.kind == "count", -(f.span[1] - f.span[0]), _KIND_RANK[f.kind])):
        start, end = figure.span
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append(figure.span)
        chosen.append(figure)
    chosen.sort(key=lambda f: f.span)
    if offset:
        for figure in chosen:
            figure.span = (figure.span[0] + offset, figure.span[1] + offset)
    return chosen


# --- numbers -------------------------------------------------------------------------------------


def number_value(words: str) -> float | None:
    """The value of a number in digits or words ("1,200", "forty-two", "a dozen", "half a"), or None."""
    words = " ".join(words.lower().split())
    if not words:
        return None
    if words[0].isdigit() or words[0] == ".":
        try:
            return float(words.replace(",", ""))
        except ValueError:
            return None
    parts = words.split(" ")
    value = 1.0
    if parts[0] in ("a", "an") and len(parts) > 1 and parts[1] in vocab.FRACTION_WORDS:
        parts = parts[1:]
    if parts[0] in vocab.FRACTION_WORDS:
        return vocab.FRACTION_WORDS[parts[0]]  # "half a" (the scale after it multiplies)
    if parts == ["a", "dozen"]:
        return 12.0
    head = parts[0]
    if head in ("a", "an"):
        value = 1.0
    elif "-" in head:
        tens, units = head.split("-", 1)
        value = float(vocab.NUMBER_WORDS.get(tens, 0) + vocab.NUMBER_WORDS.get(units, 0))
    elif head in vocab.NUMBER_WORDS:
        value = float(vocab.NUMBER_WORDS[head])
    else:
        return None
    if parts[-1] == "hundred" and len(parts) > 1:
        value *= 100
    return value


def _amount(match: re.Match[str], prefix: str = "", currency: bool = False) -> tuple[float | None, int] | None:
    """The value of an amount group and where it really ends, or None when it is no number at all."""
    num = match.group(prefix + "num")
    if num is None:
        return None
    value = number_value(num)
    if value is None:
        return None
    end = match.end(prefix + "num")
    mult = match.group(prefix + "mult")
    if mult is not None:
        key = mult.lower()
        attached = match.group(prefix + "gap") == ""
        # "$5m" is five million dollars; "5 m" and "5m" on their own are not read as millions.
        if key not in vocab.CURRENCY_ONLY_MULTIPLIERS or (currency and attached):
            value *= vocab.MULTIPLIERS[key]
            end = match.end(prefix + "mult")
        elif not _is_digits(num):
            return None
    elif not _is_digits(num) and _needs_scale(num):
        return None  # "a", "half a" without "million"
    return value, end


def _is_digits(num: str) -> bool:
    return num[:1].isdigit() or num[:1] == "."


def _needs_scale(num: str) -> bool:
    words = num.lower().split()
    return words[-1] in ("a", "an") or words == ["a"]


# --- money, percentages, quantities, counts --------------------------------------------------------


def _money(text: str) -> list[Figure]:
    figures = []
    for match in MONEY.finditer(text):
        if match.group("num") is not None:
            sym, code = match.group("sym"), match.group("code")
            if code is not None and not code.isupper():
                continue
            unit = vocab.CURRENCY_SYMBOLS[sym] if sym is not None else code.upper()
            amount = _amount(match, currency=True)
            if amount is None:
                continue
            value, end = amount
            figures.append(Figure((match.start(), end), value, vocab.CODE_ALIASES.get(unit, unit), "money"))
            continue
        amount = _amount(match, prefix="b_")
        if amount is None or amount[1] != match.end("b_mult" if match.group("b_mult") else "b_num"):
            continue
        value, _ = amount
        word, code = match.group("word"), match.group("code_after")
        if code is not None and not code.isupper():
            continue
        unit = vocab.CURRENCY_WORDS[word.lower()] if word is not None else code.upper()
        if unit.endswith("/100"):
            unit, value = unit[:-4], (value or 0) / 100
        figures.append(Figure((match.start(), match.end()), value, vocab.CODE_ALIASES.get(unit, unit), "money"))
    return figures


def _percents(text: str) -> list[Figure]:
    figures = []
    for match in PERCENT.finditer(text):
        amount = _amount(match)
        if amount is None or amount[1] != match.end("mult" if match.group("mult") else "num"):
            continue
        unit = "pp" if match.group("pct").lower().startswith("percentage") else "%"
        figures.append(Figure((match.start(), match.end()), amount[0], unit, "percent"))
    return figures


def _quantities(text: str, has_digit: bool = True) -> list[Figure]:
    figures = []
    for match in QUANTITY.finditer(text):
        amount = _amount(match)
        if amount is None or amount[1] != match.end("mult" if match.group("mult") else "num"):
            continue
        unit = vocab.UNITS[" ".join(match.group("unit").lower().split())]
        figures.append(Figure((match.start(), match.end()), amount[0], unit, "quantity"))
    for match in TEMPERATURE.finditer(text) if has_digit else ():
        value = number_value(match.group("num"))
        figures.append(Figure((match.start(), match.end()), value, "°" + match.group("unit"), "quantity"))
    return figures


_NEXT_WORD = re.compile(r"\s+((?:[A-Z]\.){2,}|[A-Za-z][\w’'-]*|[A-Z][\w-]*\d[\w-]*)")


def _counts(text: str) -> list[Figure]:
    figures = []
    for match in COUNT.finditer(text):
        num = match.group("num")
        if num is None or num.lower() == "one" and not match.group("mult"):
            continue  # "one" alone is mostly a pronoun: "the one consistent thing"
        amount = _amount(match)
        if amount is None:
            continue
        value, end = amount
        if re.match(r"[A-Za-z]|:\d|[-/–]\d|\.\d", text[end : end + 2]):
            continue  # ordinals, times, scores, ranges, fractions, "5m" and "5G" (too ambiguous to read)
        if vocab.CLOCK_WORDS.match(text, end):
            continue  # "2 a.m.", "0100 GMT": times of day
        unit, unit_end = _counted_noun(text, end)
        if unit is None and text[match.start() - 1 : match.start()] == "(" and text[end : end + 1] == ")":
            continue  # "7-6 (5)": a tie-break, a footnote, a list number
        if unit is None and not _is_digits(num):
            continue  # a number word on its own ("ten" in "ten of them") is rarely a figure
        figures.append(Figure((match.start(), unit_end or end), value, unit, "count"))
    return figures


def _counted_noun(text: str, position: int) -> tuple[str | None, int | None]:
    """The noun a count counts: "three MS-13 members" → "members", "40 million Americans are" → "Americans"."""
    words: list[tuple[str, int]] = []
    for _ in range(4):
        match = _NEXT_WORD.match(text, position)
        if match is None:
            break
        word = match.group(1)
        if word.lower() in vocab.COUNT_STOPWORDS:
            break
        if words and word[0].isupper() and not words[-1][0][0].isupper():
            break
        words.append((word, match.end(1)))
        position = match.end(1)
        if word.lower().endswith(("ed", "ing", "ly")) and len(words) > 1:
            words.pop()
            break
    if not words:
        return None, None
    for word, end in words:  # the first plural noun of the phrase is its head
        if re.search(r"[^s]s$", word) and not word.endswith(("ous", "ss", "is", "us")):
            return word, end
    word, end = words[-1]
    return word, end


# --- dates -----------------------------------------------------------------------------------------


def _timestamp(day: date) -> float:
    return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()


def _month_of(name: str) -> int:
    return vocab.MONTHS[name.lower().rstrip(".")]


def _dates(text: str, published: date | None, has_digit: bool = True) -> list[Figure]:
    figures = []
    for form, pattern in DATE_FORMS:
        if not has_digit and form in _DIGIT_FORMS:
            continue
        for match in pattern.finditer(text):
            resolved = _resolve_date(form, match, published)
            if resolved is None:
                continue
            start_day, iso = resolved
            groups = match.groupdict()
            opener = (groups.get("opener") or "").lower()
            start = match.start()
            if opener in vocab.PERIOD_OPENERS and iso is not None:
                iso = f"{iso}/.." if vocab.PERIOD_OPENERS[opener] == "from" else f"../{iso}"
            elif opener not in ("", "last", "next", "this", "early", "late", "mid-"):
                start = match.start(_first_group(match))  # "on Tuesday" is the date "Tuesday"
            value = None if start_day is None else _timestamp(start_day)
            figures.append(Figure((start, match.end()), value, None, "date", iso))
    return figures


def _first_group(match: re.Match[str]) -> str:
    names = [n for n, v in match.groupdict().items() if v is not None and n != "opener"]
    return min(names, key=match.start)


def _resolve_date(form: str, match: re.Match[str], published: date | None) -> tuple[date | None, str | None] | None:
    """The first day and the ISO text of a date expression, or None when it is no date."""
    groups = match.groupdict()
    try:
        if form == "iso":
            day = date(int(groups["year"]), int(groups["mon"]), int(groups["day"]))
            return day, day.isoformat()
        if form in ("mdy", "dmy"):
            day = date(int(groups["year"]), _month_of(groups["month"]), int(groups["day"]))
            return day, day.isoformat()
        if form == "my":
            year, month = int(groups["year"]), _month_of(groups["month"])
            return date(year, month, 1), f"{year:04d}-{month:02d}"
        if form == "y":
            year = int(groups["year"])
            return date(year, 1, 1), f"{year:04d}"
        if form == "md":
            if published is None:
                return None, None
            day = date(published.year, _month_of(groups["month"]), int(groups["day"]))
            return day, day.isoformat()
    except ValueError:
        return None  # "February 30, 2025": not a date
    if form == "m":
        return _resolve_month(groups, published)
    if form == "weekday":
        return _resolve_weekday(groups, published)
    return _resolve_relative(groups["rel"].lower(), published)


def _resolve_month(groups: dict[str, str | None], published: date | None) -> tuple[date | None, str | None]:
    if published is None:
        return None, None
    month = _month_of(groups["month"] or "")
    opener = (groups.get("opener") or "").lower()
    year = published.year
    if opener in ("next", "until", "by"):  # ahead of publication
        if month < published.month or (opener == "next" and month == published.month):
            year += 1
    elif opener != "this" and (month > published.month or (opener == "last" and month == published.month)):
        year -= 1  # "in March", "last March": the latest March before publication
    return date(year, month, 1), f"{year:04d}-{month:02d}"


def _resolve_weekday(groups: dict[str, str | None], published: date | None) -> tuple[date | None, str | None]:
    if published is None:
        return None, None
    target = vocab.WEEKDAYS[(groups["weekday"] or "").lower()]
    opener = (groups.get("opener") or "").lower()
    if opener == "next":
        delta = (target - published.weekday()) % 7 or 7
    elif opener == "this":
        delta = target - published.weekday()
    else:
        # news tells what happened: a bare weekday is the latest such day on or before publication
        delta = -((published.weekday() - target) % 7)
        if opener == "last" and delta == 0:
            delta = -7
    day = published + timedelta(days=delta)
    return day, day.isoformat()


def _resolve_relative(phrase: str, published: date | None) -> tuple[date | None, str | None]:
    if published is None:
        return None, None
    phrase = " ".join(phrase.split())
    unit, step = vocab.RELATIVE_DATES[phrase]
    if unit == "day":
        day = published + timedelta(days=step)
        return day, day.isoformat()
    if unit == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
        year, week, _ = monday.isocalendar()
        return monday, f"{year:04d}-W{week:02d}"
    if unit == "month":
        index = published.year * 12 + published.month - 1 + step
        year, month = divmod(index, 12)
        return date(year, month + 1, 1), f"{year:04d}-{month + 1:02d}"
    year = published.year + step
    return date(year, 1, 1), f"{year:04d}"
