#!/usr/bin/python3
"""Fashion-MNIST trainer for LayerNas.Cluster, served over the trainer protocol by layernas.trainer (docs/python.md).

Builds the candidate CNN of a built-in space (docs/spaces.md) from the request's architecture, trains it on the
first `train_examples` images of the training file, and answers with validation accuracy as the reward, test
accuracy as a metric, and the parameters, multiply-adds and CPU latency it measured on the model as costs.

Settings (all strings, from the spec's trainer.process.settings):
  space                "nats-size" or "mobilenet-v2" (required)
  mode                 "train" (default) or "measure": build the model and report params and macs only, untrained,
                       with reward 0 — for checking cost models quickly
  threads              torch threads (default 1, which also keeps results reproducible)
  image_size           side of the square images the networks see: 28 (default) or a divisor of it such as 14, made by
                       averaging each k x k block of pixels (the cost model's imageSize must say the same)
  batch_size           training batch size (default 32)
  learning_rate        Adam learning rate (default 0.003)
  schedule             "constant" (default): the learning rate throughout; "cosine": decayed along a half cosine to 0
                       by the last step, which makes the final weights, and so the rankings, depend less on the seed
  validation_examples  held-out training images scored for the reward (default 1000, at most 10000)
  test_examples        test images scored for test_acc (default 1000, at most 10000)
  latency_runs         timed batch-1 forward passes; latency_ms is their median (default 10)
  data_dir             folder of the idx .gz files (default /usr/share/datasets/fashion-mnist)
Budget (request.budget; absent fields take these defaults): epochs 1, train_examples 1000 (at most 50000), seed 0.

The training file's first 50,000 images are the training pool and its last 10,000 the validation pool, so the
reward never sees a training image. Everything else a trial prints goes to stderr, which the cluster keeps as the
trial's log.

A model trains on the GPU its worker slot was given when there is one (a worker started with --gpus sets
CUDA_VISIBLE_DEVICES per slot, so that GPU is the only one this process sees), else on the CPU; costs and latency are
measured on the CPU either way, so they do not depend on the machine's GPU.

It uses the installed layernas package, or else the copy in the clients/python folder of the repository it sits in.
"""

import gzip
import math
import os
import re
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

try:
    from layernas.trainer import TrialError, serve
except ModuleNotFoundError as missing:
    if missing.name != "layernas":
        raise
    checkout = next((folder / "clients" / "python" / "src" for folder in Path(__file__).resolve().parents
                     if (folder / "clients" / "python" / "src" / "layernas").is_dir()), None)
    if checkout is None:
        raise SystemExit("fashion_mnist.py needs the layernas package: pip install ./clients/python (docs/python.md)") from None
    sys.path.append(str(checkout))
    from layernas.trainer import TrialError, serve

IMAGE_SIZE = 28
INPUT_CHANNELS = 1
CLASSES = 10
TRAIN_POOL = 50_000
VALIDATION_POOL = 10_000
MOBILENET_STEM_WIDTH = 16
MEAN, STD = 0.2860, 0.3530

_datasets = {}


def reduction_layers(layers):
    """The 0-based layers (or blocks) that halve the spatial size: the first one and the middle one."""
    return {0, layers // 2}


class NatsSize(nn.Module):
    """NATS-Bench size-space style: one 3x3 conv + BN + ReLU per layer, the layer choosing its output channels."""

    def __init__(self, widths):
        super().__init__()
        reductions = reduction_layers(len(widths))
        layers, channels = [], INPUT_CHANNELS
        for index, width in enumerate(widths):
            stride = 2 if index in reductions else 1
            layers += [nn.Conv2d(channels, width, 3, stride, 1, bias=False), nn.BatchNorm2d(width, momentum=None), nn.ReLU(inplace=True)]
            channels = width
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Linear(channels, CLASSES)

    def forward(self, x):
        return self.classifier(self.features(x).mean((2, 3)))


class InvertedResidual(nn.Module):
    """A MobileNetV2 block: 1x1 expansion (skipped at ratio 1), k x k depthwise conv, 1x1 linear projection."""

    def __init__(self, in_channels, kernel, expansion, width, stride):
        super().__init__()
        hidden = in_channels * expansion
        layers = []
        if expansion != 1:
            layers += [nn.Conv2d(in_channels, hidden, 1, bias=False), nn.BatchNorm2d(hidden, momentum=None), nn.ReLU6(inplace=True)]
        layers += [
            nn.Conv2d(hidden, hidden, kernel, stride, kernel // 2, groups=hidden, bias=False),
            nn.BatchNorm2d(hidden, momentum=None),
            nn.ReLU6(inplace=True),
            nn.Conv2d(hidden, width, 1, bias=False),
            nn.BatchNorm2d(width, momentum=None),
        ]
        self.body = nn.Sequential(*layers)
        self.residual = stride == 1 and in_channels == width

    def forward(self, x):
        return x + self.body(x) if self.residual else self.body(x)


class MobileNetV2(nn.Module):
    """A 3x3 stride-2 stem of 16 channels, one inverted residual block per layer, global pooling, a linear classifier."""

    def __init__(self, blocks):
        super().__init__()
        reductions = reduction_layers(len(blocks))
        layers = [
            nn.Conv2d(INPUT_CHANNELS, MOBILENET_STEM_WIDTH, 3, 2, 1, bias=False),
            nn.BatchNorm2d(MOBILENET_STEM_WIDTH, momentum=None),
            nn.ReLU6(inplace=True),
        ]
        channels = MOBILENET_STEM_WIDTH
        for index, (kernel, expansion, width) in enumerate(blocks):
            layers.append(InvertedResidual(channels, kernel, expansion, width, 2 if index in reductions else 1))
            channels = width
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Linear(channels, CLASSES)

    def forward(self, x):
        return self.classifier(self.features(x).mean((2, 3)))


def parse_nats_option(layer, option):
    if not re.fullmatch(r"[1-9][0-9]*", option):
        raise TrialError(f"layer '{layer}': option '{option}' is not a channel count (nats-size options look like '16')")
    return int(option)


def parse_mobilenet_option(layer, option):
    match = re.fullmatch(r"k([1-9][0-9]*)e([1-9][0-9]*)w([1-9][0-9]*)", option)
    if not match:
        raise TrialError(f"layer '{layer}': option '{option}' is not a block (mobilenet-v2 options look like 'k3e6w16')")
    kernel, expansion, width = (int(g) for g in match.groups())
    if kernel % 2 == 0:
        raise TrialError(f"layer '{layer}': option '{option}' has an even kernel size; kernels must be odd")
    return kernel, expansion, width


def build_model(space, architecture):
    if not architecture:
        raise TrialError("the request's architecture is empty")
    choices = architecture.items()
    if space == "nats-size":
        return NatsSize([parse_nats_option(layer, option) for layer, option in choices])
    if space == "mobilenet-v2":
        return MobileNetV2([parse_mobilenet_option(layer, option) for layer, option in choices])
    raise TrialError(f"setting 'space' must be 'nats-size' or 'mobilenet-v2', got '{space}'")


def measure_costs(model, image_size):
    """Parameters by counting tensors, multiply-adds by hooking every conv and linear layer on one real image."""
    macs = 0

    def count(module, _inputs, output):
        nonlocal macs
        if isinstance(module, nn.Conv2d):
            per_output = (module.in_channels // module.groups) * module.kernel_size[0] * module.kernel_size[1]
            macs += output[0].numel() * per_output
        else:
            macs += module.in_features * module.out_features

    hooks = [m.register_forward_hook(count) for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    try:
        model.eval()
        with torch.no_grad():
            model(torch.zeros(1, INPUT_CHANNELS, image_size, image_size))
    finally:
        for hook in hooks:
            hook.remove()
    params = sum(p.numel() for p in model.parameters())
    return {"params": float(params), "macs": float(macs)}


def measure_latency_ms(model, runs, image_size):
    model.eval()
    image = torch.zeros(1, INPUT_CHANNELS, image_size, image_size)
    timings = []
    with torch.no_grad():
        for _ in range(2):
            model(image)
        for _ in range(runs):
            start = time.perf_counter()
            model(image)
            timings.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(timings)


def read_idx(path, magic):
    try:
        with gzip.open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise TrialError(f"cannot read {path}: {e} (install the apt package dataset-fashion-mnist)") from e
    found = int.from_bytes(data[0:4], "big")
    if found != magic:
        raise TrialError(f"{path} is not an idx file (magic {found}, expected {magic})")
    count = int.from_bytes(data[4:8], "big")
    if magic == 2051:
        rows, cols = int.from_bytes(data[8:12], "big"), int.from_bytes(data[12:16], "big")
        return np.frombuffer(data, dtype=np.uint8, offset=16).reshape(count, 1, rows, cols)
    return np.frombuffer(data, dtype=np.uint8, offset=8).reshape(count)


def dataset(data_dir, split):
    """The raw uint8 images and labels of 'train' or 't10k', read once per process."""
    key = (data_dir, split)
    if key not in _datasets:
        images = read_idx(os.path.join(data_dir, f"{split}-images-idx3-ubyte.gz"), 2051)
        labels = read_idx(os.path.join(data_dir, f"{split}-labels-idx1-ubyte.gz"), 2049)
        _datasets[key] = (images, labels)
    return _datasets[key]


def tensors(images, labels, image_size):
    x = (torch.from_numpy(images.astype(np.float32)) / 255.0 - MEAN) / STD
    if image_size != IMAGE_SIZE:
        x = F.avg_pool2d(x, IMAGE_SIZE // image_size)
    return x, torch.from_numpy(labels.astype(np.int64))


def training_device():
    """The GPU this process sees (its slot's, under --gpus), else the CPU."""
    return torch.device("cuda") if torch.cuda.is_available() else torch.device("cpu")


def image_size_setting(settings):
    size = integer(settings, "image_size", IMAGE_SIZE, 1, IMAGE_SIZE)
    if IMAGE_SIZE % size != 0:
        raise TrialError(f"'image_size' must divide {IMAGE_SIZE} (28, 14, 7, 4, 2 or 1), got {size}")
    return size


def recalibrate_batch_norm(model, x, batch_size, device):
    """Recomputes every BatchNorm's statistics on the final weights: short training leaves the running averages
    dominated by the first, untrained batches, which would make evaluation measure stale statistics."""
    for module in model.modules():
        if isinstance(module, nn.BatchNorm2d):
            module.reset_running_stats()
    model.train()
    with torch.no_grad():
        for start in range(0, len(x), batch_size):
            model(x[start:start + batch_size].to(device))


def accuracy(model, x, y, device):
    model.eval()
    correct = 0
    with torch.no_grad():
        for start in range(0, len(x), 500):
            correct += (model(x[start:start + 500].to(device)).argmax(1).cpu() == y[start:start + 500]).sum().item()
    return correct / len(x)


def bounded(value, name, default, low, high):
    if value is None:
        return default
    if not low <= value <= high:
        raise TrialError(f"'{name}' must lie in [{low}, {high}], got {value}")
    return value


def integer(settings, name, default, low, high):
    text = settings.get(name)
    if text is None:
        return default
    try:
        value = int(text)
    except ValueError:
        raise TrialError(f"'{name}' must be an integer, got '{text}'") from None
    return bounded(value, name, default, low, high)


def real(source, name, default):
    text = source.get(name)
    if text is None:
        return default
    try:
        value = float(text)
    except ValueError:
        raise TrialError(f"'{name}' must be a number, got '{text}'") from None
    if not math.isfinite(value) or value <= 0:
        raise TrialError(f"'{name}' must be a positive number, got '{text}'")
    return value


def train(architecture, budget, settings):
    mode = settings.get("mode", "train")
    if mode not in ("train", "measure"):
        raise TrialError(f"setting 'mode' must be 'train' or 'measure', got '{mode}'")
    torch.set_num_threads(integer(settings, "threads", 1, 1, 256))
    seed = bounded(budget.seed, "seed", 0, 0, 2**63 - 1)
    torch.manual_seed(seed)
    image_size = image_size_setting(settings)
    model = build_model(settings.get("space", ""), architecture)
    costs = measure_costs(model, image_size)
    if mode == "measure":
        return {"reward": 0.0, "costs": costs}

    epochs = bounded(budget.epochs, "epochs", 1, 1, 1000)
    train_examples = bounded(budget.train_examples, "trainExamples", 1000, 1, TRAIN_POOL)
    batch_size = integer(settings, "batch_size", 32, 1, 65536)
    learning_rate = real(settings, "learning_rate", 0.003)
    schedule = settings.get("schedule", "constant")
    if schedule not in ("constant", "cosine"):
        raise TrialError(f"setting 'schedule' must be 'constant' or 'cosine', got '{schedule}'")
    validation_examples = integer(settings, "validation_examples", 1000, 1, VALIDATION_POOL)
    test_examples = integer(settings, "test_examples", 1000, 1, 10_000)
    latency_runs = integer(settings, "latency_runs", 10, 1, 10_000)
    data_dir = settings.get("data_dir", "/usr/share/datasets/fashion-mnist")

    train_images, train_labels = dataset(data_dir, "train")
    test_images, test_labels = dataset(data_dir, "t10k")
    x_train, y_train = tensors(train_images[:train_examples], train_labels[:train_examples], image_size)
    x_val, y_val = tensors(train_images[TRAIN_POOL:TRAIN_POOL + validation_examples], train_labels[TRAIN_POOL:TRAIN_POOL + validation_examples], image_size)
    x_test, y_test = tensors(test_images[:test_examples], test_labels[:test_examples], image_size)

    device = training_device()
    model.to(device)
    started = time.perf_counter()
    order = torch.Generator().manual_seed(seed)
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
    steps = epochs * math.ceil(train_examples / batch_size)
    decay = (lambda step: 0.5 * (1.0 + math.cos(math.pi * step / steps))) if schedule == "cosine" else (lambda _: 1.0)
    learning_rates = torch.optim.lr_scheduler.LambdaLR(optimizer, decay)
    loss_sum, batches = 0.0, 0
    for epoch in range(epochs):
        model.train()
        permutation = torch.randperm(train_examples, generator=order)
        loss_sum, batches = 0.0, 0
        for start in range(0, train_examples, batch_size):
            index = permutation[start:start + batch_size]
            optimizer.zero_grad()
            loss = F.cross_entropy(model(x_train[index].to(device)), y_train[index].to(device))
            loss.backward()
            optimizer.step()
            learning_rates.step()
            loss_sum, batches = loss_sum + loss.item(), batches + 1
        print(f"epoch {epoch + 1}/{epochs}: mean training loss {loss_sum / batches:.4f}", file=sys.stderr)
    recalibrate_batch_norm(model, x_train, batch_size, device)
    train_seconds = time.perf_counter() - started

    val_acc = accuracy(model, x_val, y_val, device)
    metrics = {
        "test_acc": accuracy(model, x_test, y_test, device),
        "train_loss": loss_sum / batches,
        "train_seconds": train_seconds,
    }
    costs["latency_ms"] = measure_latency_ms(model.cpu(), latency_runs, image_size)
    return {"reward": val_acc, "metrics": metrics, "costs": costs}


if __name__ == "__main__":
    serve(train)
