#!/usr/bin/env python3
"""Regenerates resources/demo/ (train.csv, dev.csv, test.csv) from Debian's `fortunes` package.

Each example is one fortune cookie; its label is the topical file it comes from. The output is
deterministic: the same package version and seed give byte-identical files.
Usage: scripts/make-demo-dataset.py [FORTUNES_DIR] [OUT_DIR]
"""
import csv
import pathlib
import random
import sys

CATEGORIES = ["computers", "politics", "science", "work"]
PER_CATEGORY = 500
MAX_CHARS = 600  # drops the long ASCII-art style entries
SEED = 20250320
SPLIT = {"train": 0.8, "dev": 0.1, "test": 0.1}


def read_fortunes(path):
    text = path.read_text(encoding="utf-8")
    for entry in text.split("\n%\n"):
        entry = entry.strip("%\n ").rstrip()
        if entry and len(entry) <= MAX_CHARS:
            yield entry


def main():
    src = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/games/fortunes")
    out = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else pathlib.Path(__file__).resolve().parent.parent / "resources" / "demo")
    rng = random.Random(SEED)
    splits = {name: [] for name in SPLIT}
    for category in CATEGORIES:
        entries = sorted(set(read_fortunes(src / (category + ".u8"))))
        rng.shuffle(entries)
        entries = entries[:PER_CATEGORY]
        n_train = int(len(entries) * SPLIT["train"])
        n_dev = int(len(entries) * SPLIT["dev"])
        splits["train"] += [(e, category) for e in entries[:n_train]]
        splits["dev"] += [(e, category) for e in entries[n_train:n_train + n_dev]]
        splits["test"] += [(e, category) for e in entries[n_train + n_dev:]]
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in splits.items():
        rng.shuffle(rows)
        with open(out / (name + ".csv"), "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(["text", "label"])
            writer.writerows(rows)
        print(f"{name}: {len(rows)} rows")


if __name__ == "__main__":
    main()
