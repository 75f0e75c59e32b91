"""Writes cnn4x4.csv: a NATS-Bench-style benchmark table for a 4-layer CNN on 28x28x1 images (Fashion-MNIST shape).

Each of the 4 conv layers (3x3, padding 1, stride 2 at layers 2 and 4) takes 8, 16, 24 or 32 output channels, so the
table has 4^4 = 256 rows keyed by the channel counts joined by ':' (e.g. 8:16:32:24). Parameters and multiply-adds
are exact for that network (conv with bias, global average pooling, a linear layer to 10 classes). Accuracies and
training times are synthetic: a deterministic saturating function of capacity with interactions between neighbouring
layers plus seeded noise, so the table is plausible but not measured.

Run: python3 make_cnn4x4.py  (rewrites cnn4x4.csv next to this script; the output is the same on every run)
"""

import csv
import itertools
import math
import os
import random

CHANNELS = (8, 16, 24, 32)
INPUT_SIZE, INPUT_CHANNELS, CLASSES, KERNEL = 28, 1, 10, 3
STRIDES = (1, 2, 1, 2)
# How much each layer's width adds to capacity: the early layer sees one channel, the middle ones do the most work.
CAPACITY_WEIGHTS = (0.6, 1.0, 1.0, 0.8)
SEED = 20240425


def macs_and_params(widths):
    """Multiply-adds of one forward pass and trainable parameters of the CNN with these layer widths."""
    size, channels_in, macs, params = INPUT_SIZE, INPUT_CHANNELS, 0, 0
    for width, stride in zip(widths, STRIDES):
        size //= stride
        macs += size * size * KERNEL * KERNEL * channels_in * width
        params += KERNEL * KERNEL * channels_in * width + width
        channels_in = width
    macs += channels_in * CLASSES
    params += channels_in * CLASSES + CLASSES
    return macs, params


def clean_accuracy(widths):
    """Validation accuracy (%) before noise: saturates with capacity, hurt by narrowing layers, helped by a wide head."""
    capacity = sum(w * math.log2(c / 4) for w, c in zip(CAPACITY_WEIGHTS, widths))
    accuracy = 80.0 + 11.5 * (1.0 - math.exp(-capacity / 4.0))
    for before, after in zip(widths, widths[1:]):
        if after < before:
            accuracy -= 0.4 * math.log2(before / after)
    if widths[2] >= widths[1]:
        accuracy += 0.3 * math.log2(widths[3] / 8)
    return accuracy


def main():
    rng = random.Random(SEED)
    rows = []
    for widths in itertools.product(CHANNELS, repeat=4):
        macs, params = macs_and_params(widths)
        val = clean_accuracy(widths) + rng.gauss(0.0, 0.15)
        test = val - 0.35 + rng.gauss(0.0, 0.2)
        seconds = 15.0 + 40.0 * macs / 1e6 + rng.gauss(0.0, 1.5)
        rows.append((":".join(map(str, widths)), params, macs, f"{val:.2f}", f"{test:.2f}", f"{seconds:.1f}"))
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cnn4x4.csv")
    with open(path, "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(("arch", "params", "macs", "val_acc", "test_acc", "train_seconds"))
        writer.writerows(rows)


if __name__ == "__main__":
    main()
