"""The single-deletion sweep as a competent PyTorch user writes it, to time against pathlens-bench.

The network is rebuilt as an eager PyTorch module (nn.Conv2d, nn.BatchNorm2d, the same
architecture that `pathlens-cli train` exports) with the weights of the TorchScript file, checked
against the file's own forward, and run under torch.inference_mode() at the best of several batch
sizes (measured first, on the same images). For every block the whole network runs on every image
with that block's residual branch removed. Same model file, images, threads and device as
pathlens-bench.

Usage: /usr/bin/python3 python_lesion.py MODEL [--data DIR] [--limit N] [--threads T]
                                               [--device cpu|cuda] [--batch B] [--precision P]
(--batch fixes the batch size; without it the fastest of 64/128/256/500 on the CPU, or of
500/1000/2000 on a GPU, is used. --precision: fp32 (default; TF32 off), tf32 (CUDA: TF32
convolutions and matrix products) or bf16 (autocast to bfloat16, channels-last on a GPU), the way
a PyTorch user asks for each.)
"""
import contextlib
import argparse, gzip, json, os, struct, time

import torch
import torch.nn.functional as F
from torch import nn


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = struct.unpack(">" + "I" * data[3], data[4:4 + 4 * data[3]])
    return torch.frombuffer(bytearray(data[4 + 4 * len(dims):]), dtype=torch.uint8).reshape(dims)


def batch_norm(channels):
    return nn.BatchNorm2d(channels, eps=1e-5, momentum=0.1)


class Block(nn.Module):
    """pathlens' trained blocks (core/training.cpp): pre-activation, post-activation or plain."""

    def __init__(self, arch, cin, cout, stride, survival):
        super().__init__()
        self.arch, self.survival = arch, survival
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn1 = batch_norm(cin if arch == "preact" else cout)
        self.bn2 = batch_norm(cout)
        self.projection = None
        self.changes_shape = stride != 1 or cin != cout  # a plain layer that does cannot be deleted
        if arch != "plain" and self.changes_shape:
            self.projection = nn.Conv2d(cin, cout, 1, stride, 0, bias=False)
            self.projection_bn = batch_norm(cout) if arch == "postact" else nn.Identity()

    def forward(self, x, deleted=False):
        if self.arch == "plain":
            return x if deleted else F.relu(self.residual(x))
        shortcut = x if self.projection is None else self.projection_bn(self.projection(x))
        y = shortcut if deleted else shortcut + self.residual(x)
        return F.relu(y) if self.arch == "postact" else y

    def residual(self, x):
        if self.arch == "preact":
            out = self.conv2(F.relu(self.bn2(self.conv1(F.relu(self.bn1(x))))))
        else:
            out = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x)))))
        return out * self.survival


class Net(nn.Module):
    def __init__(self, arch, blocks, in_channels, classes, stem_bn):
        super().__init__()
        self.arch = arch
        self.conv = nn.Conv2d(in_channels, 16, 3, 1, 1, bias=False)
        # Pre-activation models trained before the stem gained He et al.'s BN + ReLU have a bare conv.
        self.bn = batch_norm(16) if stem_bn else None
        self.blocks = nn.ModuleList(blocks)
        self.bn_final = batch_norm(64) if arch == "preact" else None
        self.fc = nn.Linear(64, classes)

    def forward(self, x, deleted=-1):
        x = self.conv(x)
        if self.bn is not None:
            x = F.relu(self.bn(x))
        for index, block in enumerate(self.blocks):
            x = block(x, deleted=index == deleted)
        if self.bn_final is not None:
            x = F.relu(self.bn_final(x))
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


def eager_copy(scripted):
    """The eager twin of a `pathlens-cli train` model, weights copied from the TorchScript file."""
    if not hasattr(scripted, "blocks") or not hasattr(scripted, "conv_weight"):
        raise SystemExit("python_lesion.py rebuilds the models that pathlens-cli train writes (conv_weight, blocks)")
    state = dict(scripted.named_parameters())
    state.update(dict(scripted.named_buffers()))
    names = sorted((name for name, _ in scripted.blocks.named_children()), key=lambda name: int(name[len("block"):]))
    # Pre-activation models end in bn_final; a plain block's forward is post(residual(x)), with no shortcut.
    first = getattr(scripted.blocks, names[0])
    arch = "preact" if "bn_final_weight" in state else ("postact" if "shortcut" in first.code else "plain")
    blocks = []
    for name in names:
        w1 = state[f"blocks.{name}.conv1_weight"]
        stride = 2 if w1.shape[0] != w1.shape[1] else 1
        survival = float(getattr(scripted.blocks, name).survival)
        blocks.append(Block(arch, w1.shape[1], w1.shape[0], stride, survival))
    model = Net(arch, blocks, state["conv_weight"].shape[1], state["fc_weight"].shape[0], "bn_weight" in state)
    mapped = {}
    for key, value in state.items():
        module, _, field = key.rpartition(".")  # blocks.block7.conv1_weight -> blocks.7.conv1.weight
        prefix = module.replace("blocks.block", "blocks.") + "." if module else ""
        for part in ("_running_mean", "_running_var", "_weight", "_bias"):
            if field.endswith(part):
                mapped[prefix + field[: -len(part)] + "." + part[1:]] = value
                break
    model.load_state_dict(mapped, strict=False)
    missing = set(model.state_dict()) - set(mapped) - {k for k in model.state_dict() if k.endswith("num_batches_tracked")}
    if missing:
        raise SystemExit(f"{len(missing)} weights not found in the TorchScript file, e.g. {sorted(missing)[:3]}")
    return model.eval()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("model")
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    p.add_argument("--limit", type=int, default=10000)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--device", default="cpu")
    p.add_argument("--batch", type=int, default=0)
    p.add_argument("--precision", choices=["fp32", "tf32", "bf16"], default="fp32")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    device = torch.device(a.device)
    if a.precision == "tf32" and device.type != "cuda":
        raise SystemExit("tf32 exists only on CUDA devices")
    torch.backends.cudnn.allow_tf32 = torch.backends.cuda.matmul.allow_tf32 = a.precision == "tf32"
    if device.type == "cuda":
        torch.backends.cudnn.benchmark = True  # as pathlens' engine: fixed shapes, fastest algorithm
    extra = {"pathlens.json": ""}
    scripted = torch.jit.load(a.model, _extra_files=extra, map_location="cpu").eval()
    meta = json.loads(extra["pathlens.json"] or "{}")
    mean, std = meta.get("mean", [0.2860])[0], meta.get("std", [0.3530])[0]
    images = (read_idx(f"{a.data}/t10k-images-idx3-ubyte.gz")[:a.limit].float().div(255).unsqueeze(1) - mean) / std
    labels = read_idx(f"{a.data}/t10k-labels-idx1-ubyte.gz")[:a.limit].long()
    model = eager_copy(scripted)
    with torch.inference_mode():
        probe = images[:16]
        difference = (model(probe) - scripted(probe)).abs().max().item()
        if difference > 1e-4:
            raise SystemExit(f"the eager twin differs from the TorchScript model by {difference}")
    model, images, labels = model.to(device), images.to(device), labels.to(device)
    if a.precision == "bf16" and device.type == "cuda":
        model, images = model.to(memory_format=torch.channels_last), images.contiguous(memory_format=torch.channels_last)
    lower = (lambda: torch.autocast(device.type, dtype=torch.bfloat16)) if a.precision == "bf16" else contextlib.nullcontext

    def accuracy(deleted, batch, count=None):
        correct, n = 0, count or len(images)
        for i in range(0, n, batch):
            correct += (model(images[i:min(i + batch, n)], deleted).argmax(1) == labels[i:min(i + batch, n)]).sum().item()
        if device.type == "cuda":
            torch.cuda.synchronize()
        return correct / n

    with torch.inference_mode(), lower():
        candidates = [a.batch] if a.batch else ([500, 1000, 2000] if device.type == "cuda" else [64, 128, 256, 500])
        timings = {}
        for batch in candidates:  # the peer's best batch size, measured on the same images
            count = min(len(images), max(batch * 4, 1000))
            accuracy(-1, batch, count)
            start = time.time()
            accuracy(-1, batch, count)
            timings[batch] = (time.time() - start) / count
        best = min(timings, key=timings.get)
        accuracy(-1, best)  # warm-up, as pathlens-bench does
        start = time.time()
        results = [accuracy(-1, best)] + [None if block.arch == "plain" and block.changes_shape else accuracy(i, best)
                                          for i, block in enumerate(model.blocks)]
        seconds = time.time() - start
    print(json.dumps({"images": len(images), "threads": a.threads, "device": str(device), "precision": a.precision,
                      "batch": best,
                      "batch_seconds_per_image": {str(k): v for k, v in timings.items()}, "seconds": seconds,
                      "baseline": results[0], "accuracy": results[1:]}))


if __name__ == "__main__":
    main()
