#!/usr/bin/env python3
"""Converts NATS-Bench's size search space (NATS-sss) into a LayerNas.Cluster benchmark table.

Needs your own copy of the official benchmark file and the `nats_bench` package (pip install nats_bench):
either the archive folder NATS-sss-v1_0-50262-simple (read lazily, one pickle per architecture) or the single
file NATS-sss-v1_0-50262.pickle.pbz2 (read whole into memory). Neither ships with LayerNas.Cluster.

    python3 tools/nats_bench_to_table.py PATH --dataset cifar10-valid --hp 90 --output nats-sss-cifar10.csv

Writes one row per architecture and training seed (`--mean` writes one row per architecture with the mean over
seeds instead) with these columns:

    arch        channel counts joined by ':' (NATS-Bench's own architecture string, e.g. 8:16:64:40:32)
    seed        the training seed of the row (absent with --mean)
    params_m    parameters in millions, as NATS-Bench reports them
    flops_m     FLOPs in millions, as NATS-Bench reports them
    latency_ms  NATS-Bench's latency, in milliseconds
    val_acc     accuracy on the dataset's validation split, in percent (the reward)
    test_acc    accuracy on its test split, in percent
    train_seconds  NATS-Bench's total training time of the run

The datasets with a validation split: cifar10-valid (valid: x-valid, test: ori-test), cifar100 and ImageNet16-120
(valid: x-valid, test: x-test). `--hp` picks the training schedule NATS-Bench recorded: 01, 12 or 90 epochs.
"""

import argparse
import csv
import os
import sys

DATASETS = ("cifar10-valid", "cifar100", "ImageNet16-120")
SCHEDULES = ("01", "12", "90")
COLUMNS = ("arch", "seed", "params_m", "flops_m", "latency_ms", "val_acc", "test_acc", "train_seconds")


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description="Convert NATS-Bench's size search space into a LayerNas.Cluster benchmark table.")
    parser.add_argument("path", help="NATS-sss-v1_0-50262-simple (folder) or NATS-sss-v1_0-50262.pickle.pbz2 (file)")
    parser.add_argument("--dataset", choices=DATASETS, default="cifar10-valid")
    parser.add_argument("--hp", choices=SCHEDULES, default="90", help="training schedule in epochs (default 90)")
    parser.add_argument("--mean", action="store_true", help="one row per architecture: the mean over its training seeds")
    parser.add_argument("--output", required=True, help="the CSV table to write")
    return parser.parse_args(argv)


def open_benchmark(path):
    try:
        from nats_bench import create
    except ImportError:
        sys.exit("error: the nats_bench package is missing (pip install nats_bench)")
    if not os.path.exists(path):
        sys.exit(f"error: {path} does not exist: give the folder NATS-sss-v1_0-50262-simple or the file NATS-sss-v1_0-50262.pickle.pbz2")
    # The folder form is NATS-Bench's fast mode, which loads one architecture's pickle at a time.
    return create(path, "sss", fast_mode=os.path.isdir(path), verbose=False)


def rows(api, dataset, hp, mean):
    """Yields one dict per architecture and seed (or per architecture with mean), in NATS-Bench's index order."""
    for index in range(len(api)):
        arch = api.arch(index)
        costs = api.get_cost_info(index, dataset, hp=hp)
        fixed = {
            "arch": arch,
            "params_m": costs["params"],
            "flops_m": costs["flops"],
            "latency_ms": costs["latency"] * 1000.0 if costs.get("latency") is not None else "",
        }
        if mean:
            runs = [("", api.get_more_info(index, dataset, hp=hp, is_random=False))]
        else:
            seeds = sorted(api.query_meta_info_by_index(index, hp=hp).get_dataset_seeds(dataset))
            runs = [(seed, api.get_more_info(index, dataset, hp=hp, is_random=seed)) for seed in seeds]
        for seed, info in runs:
            yield dict(fixed, seed=seed, val_acc=info["valid-accuracy"], test_acc=info["test-accuracy"], train_seconds=info["train-all-time"])


def main(argv):
    arguments = parse_arguments(argv)
    api = open_benchmark(arguments.path)
    columns = [c for c in COLUMNS if not (arguments.mean and c == "seed")]
    written = 0
    with open(arguments.output, "w", newline="") as output:
        writer = csv.DictWriter(output, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows(api, arguments.dataset, arguments.hp, arguments.mean):
            writer.writerow(row)
            written += 1
    print(f"{written} rows of {len(api)} architectures written to {arguments.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
