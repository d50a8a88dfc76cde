import pytest

from newsprobe.stance.embed import BATCH_SIZE, MAX_PADDING, _batches


def test_batches_keep_padding_small_and_cover_every_text():
    lengths = [5, 40, 6, 7, 41, 5, 90]
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    batches = _batches(order, lengths)
    assert sorted(i for batch in batches for i in batch) == list(range(len(lengths)))
    for batch in batches:
        width = max(lengths[i] for i in batch)
        assert sum(width - lengths[i] for i in batch) <= MAX_PADDING
    assert [[lengths[i] for i in batch] for batch in batches] == [[5, 5, 6, 7], [40, 41], [90]]


def test_batches_are_capped_in_size():
    lengths = [10] * (BATCH_SIZE + 1)
    assert [len(b) for b in _batches(list(range(len(lengths))), lengths)] == [BATCH_SIZE, 1]


@pytest.mark.slow
def test_loading_the_encoder_needs_no_hub():
    import os
    import subprocess
    import sys
    from pathlib import Path

    import newsprobe

    # the weights and tokenizer come from installed packages: nothing may reach for huggingface_hub
    code = (
        "import sys; from newsprobe.stance.embed import encode; encode(['a test']); "
        "from newsprobe.stance import load_stance_model; load_stance_model(); "
        "print('huggingface_hub' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(newsprobe.__file__).resolve().parents[1])}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.strip() == "False"
