import pytest

from newsprobe.options import Options
from newsprobe.pipeline import Pipeline, PipelineError, SkipDocument
from newsprobe.record import Document
from newsprobe.registry import available, build_pipeline, create_stage


class Marks:
    def __init__(self, name, requires=(), assigns=(), fail_on=None, skip_on=None):
        self.name, self.requires, self.assigns = name, requires, assigns
        self.fail_on, self.skip_on = fail_on, skip_on

    def __call__(self, doc):
        if doc.id == self.fail_on:
            raise RuntimeError("broken here")
        if doc.id == self.skip_on:
            raise SkipDocument("not for me")
        doc.title = (doc.title or "") + self.name
        return doc


def test_missing_requirement_is_refused_at_build_time():
    with pytest.raises(PipelineError, match="'b' requires quotes"):
        Pipeline([Marks("a", assigns=("segments",)), Marks("b", requires=("quotes",))])


def test_requirements_met_by_earlier_stage():
    pipeline = Pipeline([Marks("a", assigns=("quotes",)), Marks("b", requires=("quotes",))])
    assert pipeline.names == ["a", "b"]


def test_failing_stage_is_recorded_and_batch_goes_on():
    pipeline = Pipeline([Marks("a", fail_on="bad"), Marks("b")])
    docs = list(pipeline.pipe([Document("ok", "t"), Document("bad", "t"), Document("ok2", "t")]))
    assert [d.title for d in docs] == ["ab", "b", "ab"]
    assert [(e.stage, e.message) for e in docs[1].errors] == [("a", "RuntimeError: broken here")]
    assert docs[0].errors == []


def test_skip_stops_later_stages_for_that_document_only():
    pipeline = Pipeline([Marks("a", skip_on="x"), Marks("b")])
    done = list(pipeline.pipe([Document("x", "t"), Document("y", "t")]))
    assert done[0].title is None and done[0].errors[0].message == "not for me"
    assert done[1].title == "ab"


def test_unknown_stage_lists_what_exists():
    with pytest.raises(PipelineError) as info:
        create_stage("quotes.nonsense.v9", Options())
    assert "segment.v1" in str(info.value)


def test_default_pipeline_builds_and_is_checked():
    pipeline = build_pipeline(Options())
    assert pipeline.names == list(Options().pipeline)
    assert set(Options().pipeline) <= set(available())


def test_stages_pickle_without_their_model():
    import pickle

    stage = create_stage("parse.spacy.v1", Options())
    clone = pickle.loads(pickle.dumps(stage))
    assert clone.model_name == Options().model


def test_dict_input_without_id_gets_the_content_hash():
    from newsprobe.api import _as_document
    from newsprobe.ingest import stable_id

    doc = _as_document({"text": "<p>shown as text</p> The mayor said so.", "url": "http://x/1"})
    assert doc.id == stable_id(b"<p>shown as text</p> The mayor said so.")
    assert doc.html is None and doc.url == "http://x/1"
