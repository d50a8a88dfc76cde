"""Vocabulary of figures: currencies, multipliers, number words, units, months, relative dates."""

from __future__ import annotations

import re

# Currency symbols and prefixes, longest first where they share a start ("US$" before "$").
CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "USD",
    "U.S.$": "USD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "R$": "BRL",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₽": "RUB",
    "₩": "KRW",
    "₴": "UAH",
    "₪": "ILS",
}

# ISO codes written before or after the amount ("USD 5 million", "5 million EUR").
CURRENCY_CODES = ("USD", "EUR", "GBP", "JPY", "CNY", "RMB", "CHF", "CAD", "AUD", "INR", "RUB", "UAH", "KRW", "ILS")
CODE_ALIASES = {"RMB": "CNY"}

# Currency names after the amount ("5 million dollars", "half a million euros"). Bare "pounds" is read as
# weight (US news weighs in pounds and writes sterling as "£").
CURRENCY_WORDS: dict[str, str] = {
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "rubles": "RUB",
    "roubles": "RUB",
    "rupees": "INR",
    "hryvnias": "UAH",
    "shekels": "ILS",
    "cents": "USD/100",
    "cent": "USD/100",
}

# Scale words and abbreviations after a number ("$1.2bn", "€2.5m", "40 million").
MULTIPLIERS: dict[str, float] = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
    "t": 1e12,
}
# Single-letter scales are read only straight after a currency amount ("$5m"), never after a bare number ("5m").
CURRENCY_ONLY_MULTIPLIERS = frozenset({"k", "m", "b", "t"})

NUMBER_WORDS: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "hundred": 100,
}
# Fractions written before "a million" ("half a million dollars", "a quarter of a million").
FRACTION_WORDS: dict[str, float] = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}

# Physical units: surface form (lower case, no trailing dot) → canonical unit.
UNITS: dict[str, str] = {
    "lb": "lb",
    "lbs": "lb",
    "oz": "oz",
    "ounces": "oz",
    "pounds": "lb",
    "pound": "lb",
    "kg": "kg",
    "kilograms": "kg",
    "kilogram": "kg",
    "kilos": "kg",
    "g": "g",
    "grams": "g",
    "tons": "t",
    "ton": "t",
    "tonnes": "t",
    "tonne": "t",
    "metric tons": "t",
    "km": "km",
    "kilometers": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometre": "km",
    "mi": "mi",
    "miles": "mi",
    "mile": "mi",
    "m": "m",
    "meters": "m",
    "metres": "m",
    "meter": "m",
    "metre": "m",
    "cm": "cm",
    "centimeters": "cm",
    "centimetres": "cm",
    "mm": "mm",
    "millimeters": "mm",
    "ft": "ft",
    "feet": "ft",
    "foot": "ft",
    "in": "in",
    "inches": "in",
    "inch": "in",
    "yards": "yd",
    "yd": "yd",
    "mph": "mph",
    "km/h": "km/h",
    "kph": "km/h",
    "acres": "acre",
    "acre": "acre",
    "hectares": "ha",
    "hectare": "ha",
    "ha": "ha",
    "square miles": "mi2",
    "square kilometers": "km2",
    "square kilometres": "km2",
    "sq km": "km2",
    "km2": "km2",
    "liters": "L",
    "litres": "L",
    "liter": "L",
    "litre": "L",
    "gallons": "gal",
    "gallon": "gal",
    "barrels": "bbl",
    "barrel": "bbl",
    "bpd": "bbl/d",
    "mw": "MW",
    "megawatts": "MW",
    "gw": "GW",
    "gigawatts": "GW",
    "kwh": "kWh",
    "mwh": "MWh",
    "twh": "TWh",
    "c": "°C",
    "°c": "°C",
    "f": "°F",
    "°f": "°F",
    "degrees celsius": "°C",
    "degrees fahrenheit": "°F",
    "celsius": "°C",
    "fahrenheit": "°F",
    "degrees": "°",
}
# Units that are letters on their own and so are read only when written against the number ("45C", "10km").
ATTACHED_ONLY_UNITS = frozenset({"c", "f", "m", "g", "in", "mi", "t", "ha"})

# Words after a number that make it a time of day ("2 a.m.", "0100 GMT"), which is no figure.
CLOCK_WORDS = re.compile(r"\s?(?:a\.?m\b\.?|p\.?m\b\.?|o'clock|(?:gmt|utc|et|est|edt|pst|pdt|bst|cet|cest)\b)", re.I)

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
# Relative dates resolved against the publication date: phrase → (granularity, step back or forward).
RELATIVE_DATES: dict[str, tuple[str, int]] = {
    "today": ("day", 0),
    "yesterday": ("day", -1),
    "tomorrow": ("day", 1),
    "this week": ("week", 0),
    "last week": ("week", -1),
    "next week": ("week", 1),
    "past week": ("week", -1),
    "this month": ("month", 0),
    "last month": ("month", -1),
    "next month": ("month", 1),
    "this year": ("year", 0),
    "last year": ("year", -1),
    "next year": ("year", 1),
}
# Words that open a period: "since February 2022" is the open interval 2022-02/..
PERIOD_OPENERS = {"since": "from", "from": "from", "until": "to", "till": "to", "through": "to", "by": "to"}

# Words that end a counted noun phrase ("40 million Americans are…": the unit is "Americans").
_COUNT_STOPWORDS = """
a an the of in on at to for from by with and or but as is are was were be been has have had will would
could should may might can that which who whom whose this these those it its their his her our your than
then so if when while per each every said says say told over under more less about into out up down
not no percent per cent last next
"""
COUNT_STOPWORDS = frozenset(_COUNT_STOPWORDS.split())
