import pytest
from tests.store.sample import corpus

from newsprobe.store import Store


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "corpus.db") as opened:
        yield opened


@pytest.fixture
def filled(store):
    for doc in corpus():
        store.write(doc)
    return store
