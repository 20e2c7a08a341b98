#!/usr/bin/env python3
"""Writes the TorchScript fixtures of TorchScriptBackboneTest (small files, committed).

Run from the repository root with any PyTorch (the committed files were written with Debian
bookworm's torch 1.13.1; DJL's libtorch 2.7.1 loads files of older versions):

    python3 tests/org.crossdefect.core.tests/src/test/python/make_torchscript_fixtures.py

Without a system-wide PyTorch, Debian's packages (and everything they need that is not installed)
can be unpacked into a folder instead, using the system's Python 3.11 (add python3-torchvision
for the TORCHSCRIPT_NOTES.md recipe):

    cd /tmp && mkdir -p debs/all/partial
    apt-get install -y --download-only --no-install-recommends \
        -o Dir::Cache::archives=/tmp/debs/all python3-torch
    for f in debs/all/*.deb; do dpkg -x "$f" /tmp/torchroot; done
    R=/tmp/torchroot/usr/lib
    PYTHONPATH=$R/python3/dist-packages \
    LD_LIBRARY_PATH=$R:$R/x86_64-linux-gnu:$R/x86_64-linux-gnu/blas:$R/x86_64-linux-gnu/lapack:/tmp/torchroot/lib/x86_64-linux-gnu \
        /usr/bin/python3 tests/org.crossdefect.core.tests/src/test/python/make_torchscript_fixtures.py

It writes into tests/org.crossdefect.core.tests/src/test/resources/torchscript/:

- two_maps.pt: a seeded two-conv network returning (map28 [N, 8, 28, 28], map14 [N, 16, 14, 14])
  for 224x224 images, scripted; two_maps.json: its outputs' sums, sums of squares and first
  values for the deterministic input x[0, c, h, w] = sin(0.01 * (h * 224 + w) + c).
- two_maps_list.pt: the same network traced, returning a list [map28, map14] instead of a tuple.
- deep_first.pt: the same network returning (map14, map28), deep first (must be rejected).
- logits.pt: a classifier returning one [N, 10] tensor (not feature maps: must be rejected).
- not_torchscript.pt: a state dict saved with torch.save (a zip, but no TorchScript program).
- random_bytes.pt: 1 KiB of seeded random bytes (not even a zip).

Rerunning gives the same weights and the same two_maps.json, but the .pt files' bytes differ
from run to run (TorchScript archives are not byte-reproducible): commit them only when the
fixtures really change.
"""

import json
import os
from typing import List, Tuple

import torch
from torch import nn

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "torchscript")


class TwoMaps(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 8, kernel_size=8, stride=8)
        self.conv2 = nn.Conv2d(8, 16, kernel_size=2, stride=2)

    def forward(self, x: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        map28 = torch.relu(self.conv1(x))
        map14 = torch.relu(self.conv2(map28))
        return map28, map14


class TwoMapsList(nn.Module):
    def __init__(self, net: TwoMaps):
        super().__init__()
        self.net = net

    def forward(self, x: torch.Tensor) -> List[torch.Tensor]:
        map28, map14 = self.net(x)
        return [map28, map14]


class DeepFirst(nn.Module):
    def __init__(self, net: TwoMaps):
        super().__init__()
        self.net = net

    def forward(self, x: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        map28, map14 = self.net(x)
        return map14, map28


class Logits(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, kernel_size=8, stride=8)
        self.fc = nn.Linear(4, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.fc(torch.mean(self.conv(x), dim=(2, 3)))


def sine_input() -> torch.Tensor:
    h = torch.arange(224, dtype=torch.float64).view(1, 1, 224, 1)
    w = torch.arange(224, dtype=torch.float64).view(1, 1, 1, 224)
    c = torch.arange(3, dtype=torch.float64).view(1, 3, 1, 1)
    return torch.sin(0.01 * (h * 224 + w) + c).to(torch.float32)


def summary(t: torch.Tensor) -> dict:
    flat = t.detach().to(torch.float64).flatten()
    return {
        "shape": list(t.shape),
        "sum": float(flat.sum()),
        "sum_of_squares": float((flat * flat).sum()),
        "first8": [float(v) for v in flat[:8]],
        "value_at_0_7_13_13": float(t[0, 7, 13, 13]),
    }


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.manual_seed(20240601)
    net = TwoMaps().eval()
    with torch.no_grad():
        scripted = torch.jit.script(net)
        torch.jit.save(scripted, os.path.join(OUT, "two_maps.pt"))
        x = sine_input()
        map28, map14 = scripted(x)
        reference = {
            "torch_version": torch.__version__,
            "input": "x[0, c, h, w] = sin(0.01 * (h * 224 + w) + c), float32, [1, 3, 224, 224]",
            "outputs": [summary(map28), summary(map14)],
        }
        with open(os.path.join(OUT, "two_maps.json"), "w") as f:
            json.dump(reference, f, indent=1)
            f.write("\n")

        traced = torch.jit.trace(TwoMapsList(net).eval(), torch.zeros(1, 3, 224, 224), strict=False)
        torch.jit.save(traced, os.path.join(OUT, "two_maps_list.pt"))
        again = traced(x)
        assert torch.equal(again[0], map28) and torch.equal(again[1], map14)

        torch.jit.save(torch.jit.script(DeepFirst(net).eval()), os.path.join(OUT, "deep_first.pt"))

        logits = torch.jit.script(Logits().eval())
        torch.jit.save(logits, os.path.join(OUT, "logits.pt"))

    torch.save(net.state_dict(), os.path.join(OUT, "not_torchscript.pt"))
    with open(os.path.join(OUT, "random_bytes.pt"), "wb") as f:
        f.write(bytes(torch.randint(0, 256, (1024,), generator=torch.Generator().manual_seed(7),
                                    dtype=torch.uint8).tolist()))
    for name in sorted(os.listdir(OUT)):
        print(f"{os.path.getsize(os.path.join(OUT, name)):8d}  {name}")


if __name__ == "__main__":
    main()
