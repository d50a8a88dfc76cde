from newsprobe.page.blocks import split_blocks
from newsprobe.page.linemodel import (
    BASE_FEATURES,
    CONTEXT_FEATURES,
    article_region,
    body_mask,
    line_features,
    load_line_model,
)


def test_blocks_record_indentation_and_blank_lines():
    blocks = split_blocks("Menu\n  Home\n  News\n\nA paragraph.\n")
    assert [(b.text, b.indent, b.blank_before, b.blank_after) for b in blocks] == [
        ("Menu", 0, True, False),
        ("Home", 2, False, False),
        ("News", 2, False, True),
        ("A paragraph.", 0, True, True),
    ]


def test_article_region_is_the_best_scoring_run():
    scores = [0.1, 0.9, 0.2, 0.8, 0.1, 0.1, 0.1, 0.7]
    assert article_region(scores, [1.0] * len(scores), 0.3) == (1, 4)


def test_body_mask_keeps_strong_lines_of_the_region_only():
    blocks = split_blocks("a\n\nb\n\nc\n\nd\n\ne\n\nf\n\ng\n\nh")
    scores = [0.1, 0.9, 0.2, 0.8, 0.1, 0.1, 0.1, 0.7]
    assert body_mask(blocks, scores, 0.3) == [False, True, False, True, False, False, False, False]


def test_body_mask_falls_back_to_the_page_best_when_nothing_clears_the_threshold():
    blocks = split_blocks("a\n\nb\n\nc")
    assert body_mask(blocks, [0.05, 0.2, 0.04], 0.3) == [False, True, False]


def test_shipped_model_matches_the_features():
    model = load_line_model()
    assert len(model.first.coef) == len(BASE_FEATURES)
    assert len(model.second.coef) == len(BASE_FEATURES) + len(CONTEXT_FEATURES)
    assert 0.0 < model.threshold < 1.0
    blocks = split_blocks("Home\n  News\n\n" + "A long sentence about the council budget. " * 6)
    assert len(line_features(blocks)[0]) == len(BASE_FEATURES)
    scores = model.body_scores(blocks)
    assert scores[-1] > 0.5 > scores[1]


def test_a_french_quotation_ends_a_sentence_and_is_no_menu():
    names = list(BASE_FEATURES)
    lines = [
        "Le maire a déclaré : « Nous ne céderons pas. »",
        "The mayor said: « We will not yield. »",
        "Home » News » World",
        "The mayor said the bridge would reopen.",
    ]
    rows = line_features(split_blocks("\n\n".join(lines)))
    ends = [row[names.index("sentence_end")] for row in rows]
    menus = [row[names.index("menu_mark")] for row in rows]
    assert ends == [1.0, 1.0, 0.0, 1.0]
    assert menus == [0.0, 0.0, 1.0, 0.0]
