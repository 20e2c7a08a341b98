"""Reference numbers for VisionTransformer (ViT-B/8) without real weights.

Writes ../resources/org/crossdefect/core/backbone/vit_b8_deterministic.json, which
VisionTransformerTimmTest compares the Java network with.

The model below is a minimal copy of timm's VisionTransformer as built by
timm.create_model("vit_base_patch8_224") (timm/models/vision_transformer.py: VisionTransformer,
Block; timm/layers: PatchEmbed, Attention, Mlp, LayerNorm eps 1e-6; nn.GELU exact erf). Its
module tree has timm's attribute names, so the state-dict names below come from the modules,
not from a hand-written list, and load_state_dict(strict=True) checks them. Features are taken
the way the paper's code does (Jonas1302/anomalib,
anomalib/models/components/feature_extractors/timm.py, class ViT): a forward hook on
blocks[i] whose output [B, 785, 768] loses the class token and becomes
output[:, 1:, :].permute(0, 2, 1).reshape(B, 768, 28, 28); no final norm.

Weights come from a fixed rule (the JSON repeats the state-dict list so the Java test can
rebuild them): entry t of the state dict (0-based, in state_dict() order), element i
(row-major) gets v = ((i * 2654435761 + t * 40503) mod 2^32) / 2^32 - 0.5, stored as
  cls_token            v
  pos_embed            0.5 * v
  conv / linear weight v * sqrt(2 / fan_in)   (fan_in = in_channels * kh * kw, or in_features)
  conv / linear bias   0.1 * v
  layer norm weight    1 + 0.2 * v
  layer norm bias      0.1 * v
Input: x[0, c, h, w] = sin(0.01 * (h * 224 + w) + c), [1, 3, 224, 224].

How it was run (Debian bookworm; no timm or PyPI needed): Debian's python3-torch 1.13.1 and its
dependencies fetched with `apt-get download` and unpacked with `dpkg -x` into /tmp/vit-torchroot,
then
  PYTHONPATH=/tmp/vit-torchroot/usr/lib/python3/dist-packages \
  LD_LIBRARY_PATH=/tmp/vit-torchroot/usr/lib/x86_64-linux-gnu:/tmp/vit-torchroot/usr/lib/x86_64-linux-gnu/blas:/tmp/vit-torchroot/usr/lib/x86_64-linux-gnu/lapack:/tmp/vit-torchroot/usr/lib \
  /usr/bin/python3 vit_b8_reference.py
"""
import json
import math
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

EMBED, DEPTH, HEADS, PATCH, IMG = 768, 12, 12, 8, 224
GRID = IMG // PATCH
LAYERS = (5, 9)  # the paper's "layers 5 and 9": blocks[5] and blocks[9], 0-based


class PatchEmbed(nn.Module):
    def __init__(self):
        super().__init__()
        self.proj = nn.Conv2d(3, EMBED, kernel_size=PATCH, stride=PATCH, bias=True)

    def forward(self, x):
        return self.proj(x).flatten(2).transpose(1, 2)  # NCHW -> NLC


class Attention(nn.Module):
    def __init__(self):
        super().__init__()
        self.num_heads = HEADS
        self.head_dim = EMBED // HEADS
        self.scale = self.head_dim ** -0.5
        self.qkv = nn.Linear(EMBED, EMBED * 3, bias=True)
        self.proj = nn.Linear(EMBED, EMBED)

    def forward(self, x):
        B, N, C = x.shape
        qkv = self.qkv(x).reshape(B, N, 3, self.num_heads, self.head_dim).permute(2, 0, 3, 1, 4)
        q, k, v = qkv.unbind(0)
        q = q * self.scale
        attn = (q @ k.transpose(-2, -1)).softmax(dim=-1)
        x = (attn @ v).transpose(1, 2).reshape(B, N, C)
        return self.proj(x)


class Mlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(EMBED, 4 * EMBED)
        self.act = nn.GELU()  # approximate='none': 0.5 x (1 + erf(x / sqrt 2))
        self.fc2 = nn.Linear(4 * EMBED, EMBED)

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.norm1 = nn.LayerNorm(EMBED, eps=1e-6)
        self.attn = Attention()
        self.norm2 = nn.LayerNorm(EMBED, eps=1e-6)
        self.mlp = Mlp()

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        x = x + self.mlp(self.norm2(x))
        return x


class VisionTransformer(nn.Module):
    def __init__(self):
        super().__init__()
        self.patch_embed = PatchEmbed()
        self.cls_token = nn.Parameter(torch.zeros(1, 1, EMBED))
        self.pos_embed = nn.Parameter(torch.zeros(1, GRID * GRID + 1, EMBED))
        self.blocks = nn.Sequential(*[Block() for _ in range(DEPTH)])
        self.norm = nn.LayerNorm(EMBED, eps=1e-6)
        self.head = nn.Linear(EMBED, 1000)

    def forward(self, x):
        x = self.patch_embed(x)
        x = torch.cat((self.cls_token.expand(x.shape[0], -1, -1), x), dim=1)
        x = x + self.pos_embed
        x = self.blocks(x)
        x = self.norm(x)
        return self.head(x[:, 0])


def kind_of(name, shape):
    if name == "cls_token":
        return "token"
    if name == "pos_embed":
        return "pos_embed"
    if "norm" in name:
        return "ln." + name.rsplit(".", 1)[1]
    base = "conv" if len(shape) == 4 else "linear"
    return base + "." + name.rsplit(".", 1)[1]


def raw(n, t):
    i = torch.arange(n, dtype=torch.int64)
    k = (i * 2654435761 + t * 40503) % (1 << 32)
    return k.to(torch.float64) / 4294967296.0 - 0.5


def value(kind, shape, v):
    if kind == "token":
        return v
    if kind == "pos_embed":
        return 0.5 * v
    if kind in ("conv.weight", "linear.weight"):
        fan_in = math.prod(shape[1:])
        return v * math.sqrt(2.0 / fan_in)
    if kind in ("conv.bias", "linear.bias", "ln.bias"):
        return 0.1 * v
    if kind == "ln.weight":
        return 1.0 + 0.2 * v
    raise ValueError(kind)


def deterministic_state_dict(model):
    entries, tensors = [], {}
    for t, (name, p) in enumerate(model.state_dict().items()):
        shape = list(p.shape)
        kind = kind_of(name, shape)
        entries.append([t, name, shape, kind])
        tensors[name] = value(kind, shape, raw(p.numel(), t)).reshape(shape)
    return entries, tensors


def sine_input(dtype):
    h = torch.arange(IMG, dtype=torch.float64).reshape(IMG, 1)
    w = torch.arange(IMG, dtype=torch.float64).reshape(1, IMG)
    x = torch.stack([torch.sin(0.01 * (h * IMG + w) + c) for c in range(3)]).unsqueeze(0)
    return x.to(dtype)


def features(model, x):
    """The paper's hook: block output without the class token, as [B, C, 28, 28]."""
    out = {}

    def hook(name):
        def fn(module, inputs, output):
            b, n, c = output.shape
            side = int(math.sqrt(n - 1))
            out[name] = output.detach()[:, 1:, :].permute(0, 2, 1).reshape(b, c, side, side)
        return fn

    handles = [model.blocks[i].register_forward_hook(hook(f"blocks.{i}")) for i in LAYERS]
    with torch.no_grad():
        model(x)
    for h in handles:
        h.remove()
    return out


INDEXED = [(0, 7, 13, 13), (0, 0, 27, 27), (0, 767, 0, 0), (0, 383, 5, 21), (0, 100, 27, 0)]


def summary(y):
    flat = y.reshape(-1)
    return {
        "shape": list(y.shape),
        "sum": flat.sum().item(),
        "sum_abs": flat.abs().sum().item(),
        "sum_of_squares": (flat * flat).sum().item(),
        "max_abs": flat.abs().max().item(),
        "first8": flat[:8].tolist(),
        "indexed": [[list(ix), y[ix].item()] for ix in INDEXED],
    }


def main():
    torch.set_num_threads(os.cpu_count() or 1)
    model = VisionTransformer().eval()
    entries, tensors = deterministic_state_dict(model)
    model64 = model.double()
    model64.load_state_dict({k: v.double() for k, v in tensors.items()}, strict=True)
    out64 = features(model64, sine_input(torch.float64))

    model32 = VisionTransformer().eval()
    model32.load_state_dict({k: v.float() for k, v in tensors.items()}, strict=True)
    out32 = features(model32, sine_input(torch.float32))

    result = {
        "description": "timm vit_base_patch8_224 (ViT-B/8) with deterministic weights; outputs of blocks[5] and "
                       "blocks[9] without the class token as [1, 768, 28, 28], float64. See "
                       "src/test/python/vit_b8_reference.py for the weight rule and input.",
        "torch_version": torch.__version__,
        "state_dict": entries,
        "weights_check": {name: {"first4": tensors[name].reshape(-1)[:4].tolist(),
                                 "sum": tensors[name].sum().item()}
                          for name in ("cls_token", "pos_embed", "patch_embed.proj.weight",
                                       "blocks.0.norm1.weight", "blocks.0.attn.qkv.weight",
                                       "blocks.9.mlp.fc2.bias")},
        "input_check": {"sum": sine_input(torch.float64).sum().item()},
        "outputs": {},
    }
    for name, y in out64.items():
        s = summary(y)
        d = (out32[name].double() - y).abs()
        s["float32_same_recipe"] = {
            "max_abs_deviation": d.max().item(),
            "sum_relative_deviation": abs(out32[name].double().sum().item() - s["sum"]) / s["sum_abs"],
        }
        result["outputs"][name] = s
        print(name, {k: s[k] for k in ("sum", "sum_abs", "sum_of_squares", "max_abs")},
              s["float32_same_recipe"], file=sys.stderr)

    here = os.path.dirname(os.path.abspath(__file__))
    target = os.path.join(here, "..", "resources", "org", "crossdefect", "core", "backbone",
                          "vit_b8_deterministic.json")
    with open(target, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
