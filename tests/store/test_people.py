import pytest
from tests.store.sample import make_doc

from newsprobe.store.people import display_name, find_people, link_person, name_key


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Vladimir Putin", "vladimir putin"),
        ("Russian President Vladimir Putin", "vladimir putin"),
        ("Putin", "putin"),
        ("Putin's", "putin"),
        ("Dr. José Ramos-Horta", "jose ramos-horta"),
        ("Donald J. Trump", "donald trump"),
        ("Martin Luther King Jr.", "martin luther king"),
        ("White House press secretary Karoline Leavitt", "karoline leavitt"),
        ("President", ""),
        ("the White House press secretary", ""),
        ("Martin Luther King", "martin luther king"),
    ],
)
def test_name_key(name, key):
    assert name_key(name) == key


def test_display_name_drops_the_titles():
    assert display_name("Russian President Vladimir Putin") == "Vladimir Putin"
    assert display_name("Alma Brandt") == "Alma Brandt"


def test_three_forms_of_one_name_in_different_articles_are_one_person(store):
    conn = store.conn
    ids = {
        link_person(conn, "Russian President Vladimir Putin"),
        link_person(conn, "Vladimir Putin"),
        link_person(conn, "Putin"),
    }
    assert len(ids) == 1
    assert conn.execute("SELECT name FROM people").fetchall() == [("Vladimir Putin",)]


def test_a_surname_seen_first_joins_the_full_name_that_comes_later(store):
    first = make_doc(
        "a",
        "Energy",
        ["Gas will be cheaper, Putin said on Friday in Moscow to the press."],
        quotes=[("Gas will be cheaper", "Putin", "Putin")],
        people=["Putin"],
    )
    second = make_doc(
        "b",
        "Sanctions",
        ["\u201cNo,\u201d said Vladimir Putin when asked about sanctions."],
        quotes=[("No", "Vladimir Putin", "Vladimir Putin")],
        people=["Vladimir Putin"],
    )
    store.write(first)
    store.write(second)
    rows = store.conn.execute("SELECT id, name, quote_count FROM people").fetchall()
    assert [(name, count) for _, name, count in rows] == [("Vladimir Putin", 2)]
    person = rows[0][0]
    assert {r[0] for r in store.conn.execute("SELECT person FROM quotes")} == {person}
    assert {r[0] for r in store.conn.execute("SELECT person FROM entities")} == {person}


def test_an_ambiguous_surname_joins_nobody(store):
    conn = store.conn
    john, jane = link_person(conn, "John Smith"), link_person(conn, "Jane Smith")
    smith = link_person(conn, "Smith")
    assert smith not in (john, jane)
    assert sorted(find_people(conn, "Smith")) == sorted([john, jane, smith])
    assert find_people(conn, "Jane Smith") == [jane]
    assert find_people(conn, "Senator Jane Smith") == [jane]
    assert find_people(conn, "Nobody Atall") == []
