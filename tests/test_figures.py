"""Every figure form of issue 4, in sentences of our own."""

import pytest

from newsprobe.figures import find_figures, number_value, parse_published

PUBLISHED = "2025-04-23T10:00:00Z"  # a Wednesday


def read(text, published=PUBLISHED):
    return [(text[f.span[0] : f.span[1]], f.value, f.unit, f.kind, f.iso) for f in find_figures(text, published)]


def only(text, published=PUBLISHED):
    figures = read(text, published)
    assert len(figures) == 1, figures
    return figures[0]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("The agency has spent $66.5 billion on the programme.", "$66.5 billion", 66.5e9, "USD"),
        ("The startup raised $1.2bn from investors.", "$1.2bn", 1.2e9, "USD"),
        ("The club paid €2.5m for the striker.", "€2.5m", 2.5e6, "EUR"),
        ("The council set aside USD 5 million for repairs.", "USD 5 million", 5e6, "USD"),
        ("She donated half a million dollars to the clinic.", "half a million dollars", 5e5, "USD"),
        ("The painting sold for £300,000 at auction.", "£300,000", 3e5, "GBP"),
        ("Tokyo approved ¥2 billion in relief.", "¥2 billion", 2e9, "JPY"),
        ("He was paid US$3.5 million in bonuses.", "US$3.5 million", 3.5e6, "USD"),
        ("The fund lost 2 million euros in a week.", "2 million euros", 2e6, "EUR"),
        ("Workers earn 56 cents an hour.", "56 cents", 0.56, "USD"),
        ("The deal is worth 40 billion EUR over ten years.", "40 billion EUR", 4e10, "EUR"),
    ],
)
def test_money(text, surface, value, unit):
    found = [f for f in read(text) if f[3] == "money"]
    assert found and found[0][0] == surface
    assert found[0][1] == pytest.approx(value)
    assert found[0][2] == unit


def test_money_beats_the_count_it_overlaps():
    assert read("It is an $841.4 billion budget.") == [("$841.4 billion", pytest.approx(841.4e9), "USD", "money", None)]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("Inflation rose to 4.2% in March.", "4.2%", 4.2, "%"),
        ("Turnout was 61.5 percent.", "61.5 percent", 61.5, "%"),
        ("About ten per cent of voters stayed home.", "ten per cent", 10, "%"),
        ("Support fell by 0.3 percentage points.", "0.3 percentage points", 0.3, "pp"),
    ],
)
def test_percentages(text, surface, value, unit):
    found = [f for f in read(text) if f[3] == "percent"]
    assert found[0][:3] == (surface, pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("Some 40 million Americans lack cover.", "40 million Americans", 40e6, "Americans"),
        ("Police arrested three MS-13 members in a raid.", "three MS-13 members", 3, "members"),
        ("Nearly a dozen people were hurt.", "a dozen people", 12, "people"),
        ("The fire forced 1,500 residents from their homes.", "1,500 residents", 1500, "residents"),
        ("Jets hit 3 Iranian nuclear sites overnight.", "3 Iranian nuclear sites", 3, "sites"),
        ("The crew dropped six bunker-busting bombs.", "six bunker-busting bombs", 6, "bombs"),
        ("Twenty-five students signed the letter.", "Twenty-five students", 25, "students"),
        ("Some 200 U.S. troops stayed behind.", "200 U.S. troops", 200, "troops"),
        ("Volunteers handed out 50 lakh masks.", "50 lakh masks", 5e6, "masks"),
    ],
)
def test_counts(text, surface, value, unit):
    assert only(text)[:4] == (surface, pytest.approx(value), unit, "count")


@pytest.mark.parametrize(
    "text",
    [
        "It was the one consistent thing.",
        "They met one-on-one.",
        "The 10:30 train was late.",
        "They won 3-2 at home.",
        "This is the 21st century.",
        "Officials from COVID-19 task forces and F-35 pilots met.",
        "Phones on 5G networks.",
        "She won 7-6 (5) in the final set.",
        "The meeting ran until 2 a.m. and ended at 0100 GMT.",
    ],
)
def test_numbers_that_are_not_figures(text):
    assert read(text) == []


@pytest.mark.parametrize(
    ("text", "surface", "iso"),
    [
        ("The war has gone on since February 2022.", "since February 2022", "2022-02/.."),
        ("The strike came on April 22, 2025, at dawn.", "April 22, 2025", "2025-04-22"),
        ("Soldiers rested on 8 March 2025 near the front.", "8 March 2025", "2025-03-08"),
        ("The talks ended last week.", "last week", "2025-W16"),
        ("The minister resigned yesterday.", "yesterday", "2025-04-22"),
        ("The report came out last month.", "last month", "2025-03"),
        ("The law passed in 2014 with support.", "2014", "2014"),
        ("The vote is due by the end of 2026.", "by the end of 2026", "../2026"),
        ("Russia's February 2022 invasion changed everything.", "February 2022", "2022-02"),
        ("Police said on Tuesday that the road was open.", "Tuesday", "2025-04-22"),
        ("The figures for March were worse.", "March", "2025-03"),
        ("The deadline is 2025-05-01 for all bids.", "2025-05-01", "2025-05-01"),
    ],
)
def test_dates(text, surface, iso):
    assert only(text)[0] == surface
    assert only(text)[3:] == ("date", iso)


def test_date_value_is_the_posix_timestamp_of_its_first_day():
    assert only("It happened on April 22, 2025.")[1] == 1745280000.0
    assert only("It happened last week.")[1] == 1744588800.0  # Monday 2025-04-14


def test_relative_dates_without_a_publication_date_stay_unresolved():
    assert only("The talks ended last week.", published=None)[1:] == (None, None, "date", None)
    assert only("The strike came on April 22, 2025.", published=None)[4] == "2025-04-22"


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("What to know about the 30,000-lb. bomb.", "30,000-lb.", 30000, "lb"),
        ("Jets dropped a 500-pound bomb.", "500-pound", 500, "lb"),
        ("He ran 5 miles at 10 mph.", "5 miles", 5, "mi"),
        ("The storm moved at 10 mph.", "10 mph", 10, "mph"),
        ("Crews cleared 12 hectares of forest.", "12 hectares", 12, "ha"),
    ],
)
def test_quantities(text, surface, value, unit):
    assert read(text)[0][:4] == (surface, pytest.approx(value), unit, "quantity")


def test_temperature_in_two_scales():
    assert read("It reached 45C (113F) in the shade.") == [
        ("45C", 45, "°C", "quantity", None),
        ("113F", 113, "°F", "quantity", None),
    ]


def test_offset_shifts_spans():
    (figure,) = find_figures("It cost $5.", offset=100)
    assert figure.span == (108, 110)


def test_number_words():
    assert number_value("forty-two") == 42
    assert number_value("a dozen") == 12
    assert number_value("two hundred") == 200
    assert number_value("1,200.5") == 1200.5


def test_parse_published():
    assert str(parse_published("2025-04-23T10:00:00+02:00")) == "2025-04-23"
    assert str(parse_published("2025-04-23")) == "2025-04-23"
    assert parse_published("April 2025") is None
