#!/usr/bin/env python3
"""Reference reader of backprop model files: predictions for a CSV file, like `backprop predict`.

Usage: backprop_predict.py MODEL.safetensors DATA.csv

Only NumPy and the standard library: the safetensors file is parsed by hand (8-byte little-endian
header length, a JSON header with dtype/shape/data_offsets per tensor and "__metadata__", then the
raw little-endian F64 data). The steps, in order (see README "Command line" and TablePreprocessor):
  1. encode the raw CSV columns with metadata["preprocessing"] (absent: every feature is a numeric
     column of that name and missing cells are errors);
  2. standardize: (x - scaler.features.mean) / scaler.features.scale;
  3. the layers of metadata["architecture"] in order: dense layers denseK: A = f(X @ W + B), W of
     shape [in, out], f with its hyperparameters (format 2: {"name": "leaky_relu", "slope": 0.3};
     format 1: the name only, defaults implied); dropout layers are the identity at prediction;
  4. regression: output * scaler.target.scale + scaler.target.mean;
     classification: softmax of the logits, label = the first most probable class.
Prints a CSV: regression, one column named after the target; classification, the label then
p_<class> per class.
"""
import csv
import json
import math
import struct
import sys

import numpy as np


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n].decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    base = 8 + n
    tensors = {}
    for name, info in header.items():
        if info["dtype"] != "F64":
            raise ValueError(f"{name}: dtype {info['dtype']}, expected F64")
        begin, end = info["data_offsets"]
        tensors[name] = np.frombuffer(data[base + begin:base + end], dtype="<f8").reshape(info["shape"])
    return tensors, metadata


def strip(text):
    return text.strip(" \t")


def is_missing(cell, tokens):
    s = strip(cell)
    return s == "" or s in tokens


def encode(rows, header, metadata, features):
    """The network inputs before standardization, one row per CSV row."""
    if "preprocessing" in metadata:
        pre = json.loads(metadata["preprocessing"])
        columns, tokens = pre["columns"], set(pre["missing_values"])
    else:
        columns = [{"name": f, "type": "numeric", "missing_indicator": False} for f in features]
        tokens = set()
    index = {name: i for i, name in enumerate(header)}
    out = []
    for line, row in rows:
        values = []
        for col in columns:
            cell = row[index[col["name"]]]
            missing = is_missing(cell, tokens)
            if col["type"] == "numeric":
                if missing and "median" not in col:
                    raise ValueError(f"line {line}, column {col['name']}: missing value")
                values.append(col["median"] if missing else float(strip(cell)))
                if col["missing_indicator"]:
                    values.append(1.0 if missing else 0.0)
            else:
                levels, rare = col["levels"], col["rare_levels"]
                onehot = [0.0] * (len(levels) + (1 if rare else 0) + (1 if col["missing_level"] else 0))
                if missing:
                    if col["missing_level"]:
                        onehot[-1] = 1.0
                elif cell in levels:
                    onehot[levels.index(cell)] = 1.0
                elif cell in rare:
                    onehot[len(levels)] = 1.0
                values.extend(onehot)
        out.append(values)
    return np.array(out, dtype=np.float64)


ERF = np.vectorize(math.erf)
ACTIVATIONS = {
    "linear": lambda x, p: x,
    "relu": lambda x, p: np.maximum(x, 0.0),
    "leaky_relu": lambda x, p: np.where(x > 0, x, p.get("slope", 0.01) * x),
    "elu": lambda x, p: np.where(x > 0, x, p.get("alpha", 1.0) * np.expm1(np.minimum(x, 0.0))),
    "sigmoid": lambda x, p: 1.0 / (1.0 + np.exp(-x)),
    "tanh": lambda x, p: np.tanh(x),
    "softplus": lambda x, p: np.logaddexp(0.0, x),
    "gelu": lambda x, p: 0.5 * x * (1.0 + ERF(x / math.sqrt(2.0))),
}


def dense_layers(architecture):
    """(name, activation name, activation hyperparameters) of each dense layer, skipping dropout."""
    counts = {}
    for layer in architecture["layers"]:
        kind = layer.get("type", "dense")  # format 1 has dense layers only, without "type"
        counts[kind] = counts.get(kind, 0) + 1
        if kind == "dropout":
            continue
        if kind != "dense":
            raise ValueError(f"layer type {kind!r} is not supported by this reader")
        activation = layer["activation"]
        params = {} if isinstance(activation, str) else dict(activation)
        name = activation if isinstance(activation, str) else params.pop("name")
        yield f"dense{counts[kind]}", name, params


def predict(model_path, csv_path):
    tensors, metadata = read_safetensors(model_path)
    architecture = json.loads(metadata["architecture"])
    features = json.loads(metadata["features"])
    with open(csv_path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = [name.strip() for name in next(reader)]
        rows = [(reader.line_num, row) for row in reader if row and any(cell.strip(" \t") for cell in row)]
    x = encode(rows, header, metadata, features)
    a = (x - tensors["scaler.features.mean"]) / tensors["scaler.features.scale"]
    for layer, activation, params in dense_layers(architecture):
        a = ACTIVATIONS[activation](a @ tensors[f"{layer}.W"] + tensors[f"{layer}.B"], params)
    if metadata["task"] == "regression":
        return ["value"], a[:, 0] * tensors["scaler.target.scale"][0] + tensors["scaler.target.mean"][0]
    labels = json.loads(metadata["labels"])
    e = np.exp(a - a.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    return labels, p


def main():
    model_path, csv_path = sys.argv[1], sys.argv[2]
    _, metadata = read_safetensors(model_path)
    classes, result = predict(model_path, csv_path)
    writer = csv.writer(sys.stdout, lineterminator="\n")
    target = metadata["target"]
    if metadata["task"] == "regression":
        writer.writerow([target])
        for v in result:
            writer.writerow([repr(float(v))])
    else:
        writer.writerow([target] + ["p_" + c for c in classes])
        for row in result:
            writer.writerow([classes[int(np.argmax(row))]] + [repr(float(v)) for v in row])


if __name__ == "__main__":
    main()
