import pytest
from tests.store.sample import corpus

from newsprobe.store import Store


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "corpus.db"
    with Store(path) as store:
        for doc in corpus():
            store.write(doc)
    return path
