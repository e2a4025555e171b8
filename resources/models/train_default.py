"""Trains and exports the interim default model: a CIFAR-style ResNet on Fashion-MNIST.

This stands in until `pathlens-cli train` produces the bundled models (see README). Usage:
  python3 resources/models/train_default.py --depth 56 --epochs 1 --out resources/models/resnet56-fashion.pt
"""
import argparse, gzip, json, math, os, struct, sys, time

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "fixtures"))
from cifar_resnet import CifarResNet  # noqa: E402

MEAN, STD = 0.2860, 0.3530
CLASSES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
           "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    dims = struct.unpack(">" + "I" * (magic & 0xFF), data[4:4 + 4 * (magic & 0xFF)])
    return torch.frombuffer(bytearray(data[4 + 4 * len(dims):]), dtype=torch.uint8).reshape(dims)


def load(root, split):
    prefix = "t10k" if split == "test" else "train"
    images = read_idx(f"{root}/{prefix}-images-idx3-ubyte.gz").float().div(255).unsqueeze(1)
    labels = read_idx(f"{root}/{prefix}-labels-idx1-ubyte.gz").long()
    return (images - MEAN) / STD, labels


def augment(x):
    # random crop with 2-pixel zero padding (in normalised units) and horizontal flip
    n = x.shape[0]
    padded = F.pad(x, (2, 2, 2, 2), value=-MEAN / STD)
    dx, dy = torch.randint(0, 5, (2,))
    x = padded[:, :, dy:dy + 28, dx:dx + 28]
    flip = torch.rand(n) < 0.5
    x = torch.where(flip[:, None, None, None], x.flip(3), x)
    return x


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    p.add_argument("--depth", type=int, default=56)
    p.add_argument("--epochs", type=int, default=1)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--lr", type=float, default=0.1)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    torch.manual_seed(a.seed)
    torch.set_num_threads(a.threads)
    xtr, ytr = load(a.data, "train")
    xte, yte = load(a.data, "test")
    model = CifarResNet(a.depth, 1, 10)
    opt = torch.optim.SGD(model.parameters(), lr=a.lr, momentum=0.9, nesterov=True, weight_decay=5e-4)
    steps = a.epochs * math.ceil(len(xtr) / a.batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=a.lr, total_steps=steps, pct_start=0.15)
    start = time.time()
    step = 0
    for epoch in range(a.epochs):
        model.train()
        perm = torch.randperm(len(xtr))
        for i in range(0, len(xtr), a.batch):
            idx = perm[i:i + a.batch]
            loss = F.cross_entropy(model(augment(xtr[idx])), ytr[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            step += 1
            if step % 20 == 0:
                rate = step * a.batch / (time.time() - start)
                print(f"epoch {epoch} step {step}/{steps} loss {loss.item():.3f} {rate:.0f} img/s", flush=True)
    model.eval()
    with torch.no_grad():
        correct = sum((model(xte[i:i + 500]).argmax(1) == yte[i:i + 500]).sum().item()
                      for i in range(0, len(xte), 500))
    accuracy = correct / len(xte)
    print(f"test accuracy {accuracy:.4f}")
    meta = {"name": f"CIFAR-style ResNet-{a.depth} (Fashion-MNIST)", "input_shape": [1, 28, 28],
            "mean": [MEAN], "std": [STD], "classes": CLASSES, "test_accuracy": accuracy,
            "recipe": f"train_default.py --depth {a.depth} --epochs {a.epochs} --batch {a.batch} "
                      f"--lr {a.lr} --seed {a.seed}"}
    scripted = torch.jit.script(model)
    tmp = a.out + ".tmp"
    scripted.save(tmp, _extra_files={"pathlens.json": json.dumps(meta)})
    os.replace(tmp, a.out)


if __name__ == "__main__":
    main()
