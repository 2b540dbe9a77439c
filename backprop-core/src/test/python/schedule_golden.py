#!/usr/bin/env python3
"""Golden learning-rate factors from torch.optim.lr_scheduler (float64) for LearningRateScheduleTest.

Writes backprop-core/src/test/resources/golden/schedules_torch.json: per case the schedule (as the
library builds it) and the factor of every optimizer step, read from a torch optimizer whose base
learning rate is 1 while its scheduler runs the way PyTorch's documentation shows:
optimizer.step() then scheduler.step() after every step, or after every epoch of
`steps_per_epoch` steps for the library's perEpoch. The library's schedules stay at their final
factor once they end (PyTorch's CosineAnnealingLR rises again after T_max), so the cosine cases stop
at T_max + 1 steps; what happens after is a property test.

Mapping: stepDecay(n, g) = StepLR(n, g); linear(n, end) = LinearLR(1, end, n);
exponential(g) = ExponentialLR(g); cosine(n, min) = CosineAnnealingLR(n, eta_min=min);
s.withWarmup(w) = SequentialLR([LinearLR(1/w, 1, w - 1), s], milestones=[w]).

Usage, from the repository root (python3-torch from apt):
    /usr/bin/python3 backprop-core/src/test/python/schedule_golden.py
"""
import json
import pathlib
import platform
import re

import torch
from torch.optim import lr_scheduler

OUT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "golden" / "schedules_torch.json"

# name, library schedule spec, steps, steps per epoch (None: the scheduler steps after every step)
CASES = [
    ("step_decay", {"kind": "stepDecay", "steps": 2, "gamma": 0.5}, 5, None),
    ("linear_to_zero", {"kind": "linear", "steps": 4, "end": 0.0}, 6, None),
    ("linear_to_half", {"kind": "linear", "steps": 2, "end": 0.5}, 4, None),
    ("exponential", {"kind": "exponential", "gamma": 0.9}, 6, None),
    ("cosine_to_zero", {"kind": "cosine", "steps": 4, "min": 0.0}, 5, None),
    ("cosine_to_tenth", {"kind": "cosine", "steps": 2, "min": 0.1}, 3, None),
    ("warmup_constant", {"kind": "constant", "warmup": 4}, 6, None),
    ("warmup_cosine", {"kind": "cosine", "steps": 4, "min": 0.0, "warmup": 2}, 7, None),
    ("warmup_step_decay", {"kind": "stepDecay", "steps": 3, "gamma": 0.1, "warmup": 2}, 8, None),
    ("per_epoch_step_decay", {"kind": "stepDecay", "steps": 2, "gamma": 0.1}, 13, 3),
    ("per_epoch_cosine", {"kind": "cosine", "steps": 3, "min": 0.2}, 12, 3),
]


def scheduler(optimizer, spec):
    kind = spec["kind"]
    if kind == "stepDecay":
        return lr_scheduler.StepLR(optimizer, step_size=spec["steps"], gamma=spec["gamma"])
    if kind == "linear":
        return lr_scheduler.LinearLR(optimizer, start_factor=1.0, end_factor=spec["end"], total_iters=spec["steps"])
    if kind == "exponential":
        return lr_scheduler.ExponentialLR(optimizer, gamma=spec["gamma"])
    if kind == "cosine":
        return lr_scheduler.CosineAnnealingLR(optimizer, T_max=spec["steps"], eta_min=spec["min"])
    if kind == "constant":
        return lr_scheduler.LambdaLR(optimizer, lambda epoch: 1.0)
    raise ValueError(kind)


def factors(spec, steps, steps_per_epoch):
    param = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([param], lr=1.0)
    if "warmup" in spec:
        w = spec["warmup"]
        warmup = lr_scheduler.LinearLR(optimizer, start_factor=1.0 / w, end_factor=1.0, total_iters=w - 1)
        schedule = lr_scheduler.SequentialLR(optimizer, [warmup, scheduler(optimizer, spec)], milestones=[w])
    else:
        schedule = scheduler(optimizer, spec)
    out = []
    for step in range(1, steps + 1):
        out.append(optimizer.param_groups[0]["lr"])
        param.grad = torch.zeros(1, dtype=torch.float64)
        optimizer.step()
        if steps_per_epoch is None or step % steps_per_epoch == 0:
            schedule.step()
    return out


def main():
    cases = []
    for name, spec, steps, steps_per_epoch in CASES:
        case = {"name": name, "schedule": dict(spec), "factors": factors(spec, steps, steps_per_epoch)}
        if steps_per_epoch is not None:
            case["schedule"]["per_epoch"] = steps_per_epoch
        cases.append(case)
    document = {
        "generator": "backprop-core/src/test/python/schedule_golden.py",
        "versions": {"python": platform.python_version(), "torch": torch.__version__},
        "cases": cases,
    }
    text = json.dumps(document, indent=1)
    text = re.sub(r"\[[-0-9.e,\s]*\]", lambda m: re.sub(r"\s+", " ", m.group(0)).replace("[ ", "[").replace(" ]", "]"), text)
    OUT.write_text(text + "\n")
    print("wrote", OUT, "with", len(cases), "cases")
    for case in cases:
        print(case["name"], case["factors"])


if __name__ == "__main__":
    main()
