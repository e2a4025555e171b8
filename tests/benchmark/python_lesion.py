"""The idiomatic Python/PyTorch single-deletion sweep, to time against pathlens-bench.

For every block, rebuild the forward pass with that block's residual branch removed and run the
whole network on every image, as a researcher's script would. Same model file, same images,
same thread count as pathlens-bench.

Usage: /usr/bin/python3 python_lesion.py MODEL [--data DIR] [--limit N] [--threads T] [--batch B]
"""
import argparse, gzip, json, os, struct, time

import torch


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = struct.unpack(">" + "I" * data[3], data[4:4 + 4 * data[3]])
    return torch.frombuffer(bytearray(data[4 + 4 * len(dims):]), dtype=torch.uint8).reshape(dims)


def blocks_of(model):
    """(residual, shortcut, post) per block, for the block protocol and torchvision-style nets."""
    if hasattr(model, "blocks"):
        result = []
        for block in model.blocks.children():
            post = block.post if hasattr(block, "post") else (lambda y: y)
            result.append((block.residual, block.shortcut, post))
        return model.stem, result, model.head
    raise SystemExit("this script handles block-protocol models (pathlens-cli train)")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("model")
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    p.add_argument("--limit", type=int, default=10000)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--batch", type=int, default=64)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    extra = {"pathlens.json": ""}
    model = torch.jit.load(a.model, _extra_files=extra).eval()
    meta = json.loads(extra["pathlens.json"] or "{}")
    mean, std = meta.get("mean", [0.2860])[0], meta.get("std", [0.3530])[0]
    images = (read_idx(f"{a.data}/t10k-images-idx3-ubyte.gz")[:a.limit].float().div(255).unsqueeze(1) - mean) / std
    labels = read_idx(f"{a.data}/t10k-labels-idx1-ubyte.gz")[:a.limit].long()
    stem, blocks, head = blocks_of(model)

    def accuracy(deleted):
        correct = 0
        for i in range(0, len(images), a.batch):
            x = stem(images[i:i + a.batch])
            for index, (residual, shortcut, post) in enumerate(blocks):
                x = post(shortcut(x)) if index == deleted else post(shortcut(x) + residual(x))
            correct += (head(x).argmax(1) == labels[i:i + a.batch]).sum().item()
        return correct / len(images)

    with torch.inference_mode():
        accuracy(None)  # warm-up, as pathlens-bench does
        start = time.time()
        results = [accuracy(None)] + [accuracy(i) for i in range(len(blocks))]
        seconds = time.time() - start
    print(json.dumps({"images": len(images), "threads": a.threads, "batch": a.batch, "seconds": seconds,
                      "baseline": results[0], "accuracy": results[1:]}))


if __name__ == "__main__":
    main()
