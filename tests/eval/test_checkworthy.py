import pytest

from newsprobe.eval.checkworthy import average_precision, cross_validate, evaluate, mean_average_precision, read_gold
from tests.test_checkworthy import CHECKABLE, OTHER


def test_average_precision_by_hand():
    # ranked: 1 (hit), 0, 1 (hit) → (1/1 + 2/3) / 2
    assert average_precision([1, 0, 1], [0.9, 0.8, 0.7]) == pytest.approx((1 + 2 / 3) / 2)
    assert average_precision([0, 1], [0.9, 0.1]) == pytest.approx(0.5)
    assert average_precision([0, 0], [0.9, 0.1]) == 0.0


def write_tsv(path, rows):
    path.write_text(
        "".join(f"{i}\tSPEAKER\t{text}\t{label}\n" for i, (text, label) in enumerate(rows, 1)), encoding="utf-8"
    )


def test_read_tsv_folder_and_map_over_debates(tmp_path):
    write_tsv(tmp_path / "debate_a.tsv", [(CHECKABLE[0], 1), (OTHER[0], 0), (OTHER[1], 0)])
    write_tsv(tmp_path / "debate_b.tsv", [(OTHER[2], 0), (CHECKABLE[1], 1)])
    lines = read_gold([str(tmp_path)])
    assert [line.debate for line in lines] == ["debate_a.tsv"] * 3 + ["debate_b.tsv"] * 2
    result = mean_average_precision(lines, [0.2, 0.9, 0.1, 0.5, 0.4])
    assert result["per_debate"] == {"debate_a.tsv": 0.5, "debate_b.tsv": 0.5}
    assert result["map"] == 0.5 and result["debates"] == 2
    scored = evaluate([str(tmp_path)])
    assert scored["map"] == 1.0  # the shipped model puts the figure claims first


def test_read_csv_and_complain_about_columns(tmp_path):
    good = tmp_path / "gold.csv"
    good.write_text(
        'line_number,speaker,text,label,file_name\n1,A,"Taxes rose 5%.",1,d1\n2,B,Hello.,0,d1\n', encoding="utf-8"
    )
    assert [(line.text, line.label) for line in read_gold([good])] == [("Taxes rose 5%.", 1), ("Hello.", 0)]
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="columns"):
        read_gold([bad])
    with pytest.raises(FileNotFoundError, match="CLEF 2019"):
        read_gold([tmp_path / "missing.csv"])


def test_cross_validation_holds_each_debate_out(tmp_path):
    rows_a = [(t, 1) for t in CHECKABLE[:2]] + [(t, 0) for t in OTHER[:3]]
    rows_b = [(t, 1) for t in CHECKABLE[2:]] + [(t, 0) for t in OTHER[3:]]
    write_tsv(tmp_path / "a.tsv", rows_a)
    write_tsv(tmp_path / "b.tsv", rows_b)
    result = cross_validate(read_gold([str(tmp_path)]), min_df=1)
    assert result["folds"] == 2 and result["debates"] == 2
    assert 0.0 < result["map"] <= 1.0
