#!/usr/bin/env python3
"""Golden values for the optimizers: three steps of torch.optim (float64) on fixed tensors.

Writes backprop-core/src/test/resources/golden/optimizers_torch.json, read by
OptimizerTorchGoldenTest. Every case starts from the same parameters, a weight W (2x3) and a bias B
(3; the library's 1x3 bias row), and feeds the same three gradients, one per optimizer.step(). The
parameters after each step are written with full precision (json writes floats as repr, which
round-trips exactly).

The library's conventions are expressed with PyTorch's own means, so that the cases compare the same
update rule:
  * per-group learning rates: W and B are two param groups, the bias at half the weight's rate;
  * the library's L2 penalty (Optimizer.weightDecay) applies to weights only by default: the W group
    has weight_decay, the B group weight_decay=0;
  * AdamW decays weights only by default (the "adamw" case); "adamw_decay_all" decays both groups
    (AdamW.decayApplies(p -> true));
  * clipping by norm / by value is torch.nn.utils.clip_grad_norm_ / clip_grad_value_ over both
    tensors before step(), as Optimizer.step documents;
  * L1 is not a torch.optim option: its penalty gradient l1 * sign(W) (the autograd gradient of
    l1 * W.abs().sum(), 0 at W = 0) is added to W.grad after clipping and before step(), the order
    of Optimizer.step; "l2_decay_biases" puts weight_decay on the bias group too
    (Regularization.appliedTo(all)).
Each step also records the gradients after step(): clipping changes them in place (as in PyTorch),
weight decay and L1 do not.

Usage, from the repository root (python3-torch from apt):
    /usr/bin/python3 backprop-core/src/test/python/optimizer_golden.py
"""
import json
import pathlib
import platform
import re

import torch

OUT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "golden" / "optimizers_torch.json"

W0 = [[0.8, -1.3, 0.0], [-0.6, 2.1, 0.05]]   # one weight at 0, where sign(0) = 0 for L1
B0 = [0.5, -0.2, 1.1]
GRADIENTS = [
    {"W": [[0.12, -0.35, 0.7], [0.05, -1.1, 0.3]], "B": [0.4, -0.25, 0.15]},
    {"W": [[-0.4, 0.22, 0.1], [0.9, 0.6, -0.45]], "B": [-0.3, 0.5, 0.05]},
    {"W": [[0.33, -0.08, -0.6], [-0.2, 0.75, 0.12]], "B": [0.2, -0.1, -0.7]},
]

# name -> (optimizer id, weight lr, extra hyperparameters). The bias lr is always half the weight lr.
CASES = [
    ("sgd", "sgd", 0.1, {}),
    ("sgd_weight_decay", "sgd", 0.1, {"weight_decay": 0.05}),
    ("sgd_l2_decay_biases", "sgd", 0.1, {"weight_decay": 0.05, "l2_decay_biases": True}),
    ("sgd_l1", "sgd", 0.1, {"l1": 0.02}),
    ("sgd_l1_weight_decay", "sgd", 0.1, {"l1": 0.02, "weight_decay": 0.05}),
    ("sgd_clip_value_weight_decay", "sgd", 1.0, {"clip_value": 0.05, "weight_decay": 1.0}),
    ("sgd_clip_norm", "sgd", 1.0, {"clip_norm": 0.5}),
    ("momentum", "momentum", 0.1, {"momentum": 0.9}),
    ("momentum_weight_decay", "momentum", 0.1, {"momentum": 0.9, "weight_decay": 0.05}),
    ("momentum_clip_norm", "momentum", 0.1, {"momentum": 0.9, "clip_norm": 0.5}),
    ("momentum_clip_value", "momentum", 0.1, {"momentum": 0.9, "clip_value": 0.3}),
    ("nesterov", "nesterov", 0.1, {"momentum": 0.9}),
    ("nesterov_weight_decay", "nesterov", 0.1, {"momentum": 0.5, "weight_decay": 0.05}),
    ("adagrad", "adagrad", 0.1, {"eps": 1e-10}),
    ("adagrad_weight_decay", "adagrad", 0.1, {"eps": 1e-10, "weight_decay": 0.05}),
    ("rmsprop", "rmsprop", 0.01, {"alpha": 0.99, "eps": 1e-8}),
    ("rmsprop_weight_decay", "rmsprop", 0.01, {"alpha": 0.9, "eps": 1e-6, "weight_decay": 0.05}),
    ("adam", "adam", 0.01, {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8}),
    ("adam_weight_decay", "adam", 0.01, {"beta1": 0.8, "beta2": 0.99, "eps": 1e-6, "weight_decay": 0.05}),
    ("adam_l1_clip_norm", "adam", 0.01, {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "l1": 0.5, "clip_norm": 1.0}),
    ("adamw", "adamw", 0.01, {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "decoupled_decay": 0.1}),
    ("adamw_decay_all", "adamw", 0.01, {"beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "decoupled_decay": 0.1,
                                        "decay_biases": True}),
]


def torch_optimizer(kind, groups, h):
    wd = h.get("weight_decay", 0.0)
    groups[0]["weight_decay"] = wd          # W
    groups[1]["weight_decay"] = wd if h.get("l2_decay_biases") else 0.0   # B: weights only by default
    if kind == "sgd":
        return torch.optim.SGD(groups, lr=groups[0]["lr"])
    if kind in ("momentum", "nesterov"):
        return torch.optim.SGD(groups, lr=groups[0]["lr"], momentum=h["momentum"], nesterov=kind == "nesterov")
    if kind == "adagrad":
        return torch.optim.Adagrad(groups, lr=groups[0]["lr"], eps=h["eps"])
    if kind == "rmsprop":
        return torch.optim.RMSprop(groups, lr=groups[0]["lr"], alpha=h["alpha"], eps=h["eps"])
    if kind == "adam":
        return torch.optim.Adam(groups, lr=groups[0]["lr"], betas=(h["beta1"], h["beta2"]), eps=h["eps"])
    if kind == "adamw":
        decay = h["decoupled_decay"]
        groups[0]["weight_decay"] = decay
        groups[1]["weight_decay"] = decay if h.get("decay_biases") else 0.0
        return torch.optim.AdamW(groups, lr=groups[0]["lr"], betas=(h["beta1"], h["beta2"]), eps=h["eps"])
    raise ValueError(kind)


def run(kind, lr, h):
    w = torch.tensor(W0, dtype=torch.float64, requires_grad=True)
    b = torch.tensor(B0, dtype=torch.float64, requires_grad=True)
    groups = [{"params": [w], "lr": lr}, {"params": [b], "lr": lr / 2}]
    optimizer = torch_optimizer(kind, groups, h)
    steps = []
    for g in GRADIENTS:
        w.grad = torch.tensor(g["W"], dtype=torch.float64)
        b.grad = torch.tensor(g["B"], dtype=torch.float64)
        if "clip_norm" in h:
            torch.nn.utils.clip_grad_norm_([w, b], h["clip_norm"])
        if "clip_value" in h:
            torch.nn.utils.clip_grad_value_([w, b], h["clip_value"])
        clipped = {"W": w.grad.reshape(-1).tolist(), "B": b.grad.tolist()}
        if "l1" in h:
            w.grad = w.grad + h["l1"] * torch.sign(w.detach())
        optimizer.step()
        steps.append({"W": w.detach().reshape(-1).tolist(), "B": b.detach().tolist(), "grads": clipped})
    return steps


def main():
    torch.set_default_dtype(torch.float64)
    cases = []
    for name, kind, lr, h in CASES:
        cases.append({"name": name, "optimizer": kind, "lr": lr, "bias_lr": lr / 2, "hyperparameters": h,
                      "steps": run(kind, lr, h)})
    flat = lambda rows: [v for row in rows for v in row]  # noqa: E731
    document = {
        "generator": "backprop-core/src/test/python/optimizer_golden.py",
        "versions": {"python": platform.python_version(), "torch": torch.__version__},
        "initial": {"W": {"shape": [2, 3], "values": flat(W0)}, "B": {"shape": [1, 3], "values": B0}},
        "gradients": [{"W": flat(g["W"]), "B": g["B"]} for g in GRADIENTS],
        "cases": cases,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(document, indent=1)
    # one line per list of numbers, for readable diffs
    text = re.sub(r"\[[-0-9.e,\s]*\]", lambda m: re.sub(r"\s+", " ", m.group(0)).replace("[ ", "[").replace(" ]", "]"), text)
    OUT.write_text(text + "\n")
    print("wrote", OUT, "with", len(cases), "cases")


if __name__ == "__main__":
    main()
