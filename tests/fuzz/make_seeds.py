"""Writes the seed corpora of the libFuzzer targets (tests/fuzz/run.sh calls it): small inputs that
the parsers accept, so that fuzzing starts from real files and mutates them.

Usage: /usr/bin/python3 make_seeds.py OUTPUT_DIR [FASHION_MNIST_DIR]
  OUTPUT_DIR/idx       label file + image file cut from Fashion-MNIST (layout: see fuzz_idx.cpp)
  OUTPUT_DIR/cifar10   small CIFAR-10 binary batches
  OUTPUT_DIR/network   tiny TorchScript exports of each supported family (and one that is not)
  OUTPUT_DIR/session   session files
The network seeds need Debian's python3-torch; without it that corpus stays empty.
"""
import gzip, json, os, struct, sys

out = sys.argv[1]
fashion = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/datasets/fashion-mnist"


def write(folder, name, data):
    os.makedirs(os.path.join(out, folder), exist_ok=True)
    with open(os.path.join(out, folder, name), "wb") as f:
        f.write(data)


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    dims = data[3]
    sizes = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return sizes, data[4 + 4 * dims:]


def idx(sizes, payload):
    return bytes([0, 0, 8, len(sizes)]) + struct.pack(">" + "I" * len(sizes), *sizes) + payload


# --- IDX: the first images of Fashion-MNIST's test split, whole and cropped ---
(count, rows, cols), pixels = read_idx(os.path.join(fashion, "t10k-images-idx3-ubyte.gz"))
_, labels = read_idx(os.path.join(fashion, "t10k-labels-idx1-ubyte.gz"))
for n, (r, c) in [(1, (28, 28)), (3, (28, 28)), (4, (6, 5)), (2, (1, 1))]:
    images = b"".join(pixels[i * 784 + y * 28:i * 784 + y * 28 + c] for i in range(n) for y in range(r))
    label_file = idx([n], labels[:n])
    write("idx", "fashion_%d_%dx%d" % (n, r, c), struct.pack(">I", len(label_file)) + label_file + idx([n, r, c], images))

# --- CIFAR-10: records of label + 3 x 32 x 32 pixels (made from Fashion-MNIST pixels) ---
def cifar_record(label, i):
    plane = pixels[i * 784:(i + 1) * 784] + bytes(1024 - 784)
    return bytes([label]) + plane * 3

write("cifar10", "one_record.bin", cifar_record(3, 0))
write("cifar10", "three_records.bin", b"".join(cifar_record(l, i) for i, l in enumerate([9, 0, 5])))

# --- sessions: files that exist on every machine stand for the model and the data ---
write("session", "full.pathlens", json.dumps({
    "pathlens_session": 1, "model": "/bin/sh", "data": "/bin", "compare": "/bin/sh",
    "arrangement": [{"block": 0, "active": True}, {"block": 2, "active": False}, {"block": 1, "active": True}],
    "random_k": 5, "path_graph": "lattice", "live_images": 2000}, indent=4).encode())
write("session", "minimal.pathlens", b'{"pathlens_session": 1, "model": "/bin/sh"}')

# --- TorchScript models: as small as the families allow ---
try:
    import torch
    from torch import nn
except ImportError:
    print("make_seeds.py: no torch; the network corpus stays empty", file=sys.stderr)
    sys.exit(0)

torch.manual_seed(0)


class Block(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, 1, bias=False)
        self.proj = nn.Conv2d(cin, cout, 1, bias=False) if cin != cout else nn.Identity()

    def forward(self, x):
        return self.residual(x) + self.shortcut(x)

    @torch.jit.export
    def residual(self, x):
        return self.conv(x)

    @torch.jit.export
    def shortcut(self, x):
        return self.proj(x)

    @torch.jit.export
    def post(self, y):
        return torch.relu(y)


class Protocol(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 2, 1)
        self.blocks = nn.ModuleList([Block(2, 2), Block(2, 3)])
        self.fc = nn.Linear(3, 2)

    def forward(self, x):
        x = self.stem(x)
        for b in self.blocks:
            x = b(x)
        return self.head(x)

    @torch.jit.export
    def stem(self, x):
        return self.conv(x)

    @torch.jit.export
    def head(self, x):
        return self.fc(x.mean(dim=(2, 3)))


class Basic(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.conv1 = nn.Conv2d(c, c, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(c)
        self.conv2 = nn.Conv2d(c, c, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(c)

    def forward(self, x):
        return torch.relu(x + self.bn2(self.conv2(torch.relu(self.bn1(self.conv1(x))))))


class TorchvisionStyle(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 2, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(2)
        self.relu = nn.ReLU()
        self.layer1 = nn.Sequential(Basic(2))
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(2, 2)

    def forward(self, x):
        x = self.layer1(self.relu(self.bn1(self.conv1(x))))
        return self.fc(torch.flatten(self.avgpool(x), 1))


def save(name, module, meta=None, trace=False):
    module = module.eval()
    scripted = torch.jit.trace(module, torch.zeros(1, 1, 4, 4)) if trace else torch.jit.script(module)
    path = os.path.join(out, "network", name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    files = {"pathlens.json": json.dumps(meta)} if meta else {}
    torch.jit.save(scripted, path, _extra_files=files)


meta = {"input_shape": [1, 4, 4], "mean": [0.5], "std": [0.25]}
save("protocol.pt", Protocol(), meta)
save("protocol_plain.pt", Protocol(), dict(meta, plain=True))
save("torchvision.pt", TorchvisionStyle(), meta)
save("torchvision_traced.pt", TorchvisionStyle(), None, trace=True)
save("not_residual.pt", nn.Sequential(nn.Conv2d(1, 1, 1)))
