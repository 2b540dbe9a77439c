#!/usr/bin/env python3
"""Reference reader of backprop model files: predictions for a CSV file, like `backprop predict`.

Usage: backprop_predict.py MODEL.safetensors DATA.csv

Only NumPy and the standard library: the safetensors file is parsed by hand (8-byte little-endian
header length, a JSON header with dtype/shape/data_offsets per tensor and "__metadata__", then the
raw little-endian F64 data). The steps, in order (see README "Command line" and TablePreprocessor):
  1. read the CSV file with the training file's "separator" and "decimal" mark (preprocessing version
     2; else comma and point) and encode its raw columns with metadata["preprocessing"] (absent: every
     feature is a numeric column of that name and missing cells are errors);
  2. standardize: (x - scaler.features.mean) / scaler.features.scale;
  3. the layers of metadata["architecture"] in order: dense layers (named dense1, dense2, ...)
     A = f(X @ W + B) with W of shape [in, out]; dropout layers (dropout1, ...) pass X through;
  4. regression: output * scaler.target.scale + scaler.target.mean;
     classification: softmax of the logits, label = the first most probable class.
Prints a CSV, as backprop predict: regression, one column <target>_predicted; classification, the
label in <target>_predicted, then p_<class> per class.
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
        decimal = pre.get("decimal", ".")  # preprocessing version 1: a point
    else:
        columns = [{"name": f, "type": "numeric", "missing_indicator": False} for f in features]
        tokens = set()
        decimal = "."
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
                values.append(col["median"] if missing else float(strip(cell).replace(decimal, ".")))
                if col["missing_indicator"]:
                    values.append(1.0 if missing else 0.0)
            else:
                levels, rare = col["levels"], col["rare_levels"]
                if col.get("embedding_dim", 0) > 0:
                    # one code: 0 rare/unseen (and missing without a level), 1..k the levels, k+1 missing
                    if missing:
                        values.append(float(len(levels) + 1) if col["missing_level"] else 0.0)
                    else:
                        values.append(float(levels.index(cell) + 1) if cell in levels else 0.0)
                    continue
                onehot = [0.0] * (len(levels) + (1 if rare else 0) + (1 if col["missing_level"] else 0))
                if missing and col["missing_level"]:
                    onehot[-1] = 1.0
                elif not missing and cell in levels:
                    onehot[levels.index(cell)] = 1.0
                elif rare:
                    # a rare level, an unseen one, or a missing cell without a level of its own
                    onehot[len(levels)] = 1.0
                values.extend(onehot)
        out.append(values)
    return np.array(out, dtype=np.float64)


ERF = np.vectorize(math.erf)


def activation(spec):
    """The activation of a dense layer: a name (format version 1) or {"name", hyperparameters} (version 2)."""
    params = spec if isinstance(spec, dict) else {"name": spec}
    name = params["name"]
    if name == "linear":
        return lambda x: x
    if name == "relu":
        return lambda x: np.maximum(x, 0.0)
    if name == "leaky_relu":
        slope = params.get("slope", 0.01)
        return lambda x: np.where(x > 0, x, slope * x)
    if name == "elu":
        alpha = params.get("alpha", 1.0)
        return lambda x: np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0.0)))
    if name == "sigmoid":
        return lambda x: 1.0 / (1.0 + np.exp(-x))
    if name == "tanh":
        return np.tanh
    if name == "softplus":
        return lambda x: np.logaddexp(0.0, x)
    if name == "gelu":
        return lambda x: 0.5 * x * (1.0 + ERF(x / math.sqrt(2.0)))
    raise ValueError(f"activation {params} is not supported by this reader")


def forward(architecture, tensors, a):
    """Dense layers named by type and ordinal (dense1, dropout1, dense2, ...); dropout is the identity."""
    counts = {}
    for layer in architecture["layers"]:
        kind = layer.get("type", "dense")
        counts[kind] = counts.get(kind, 0) + 1
        name = f"{kind}{counts[kind]}"
        if kind == "embedding":
            # each code column replaced in place by its row of embedding<i>.E<column>, last column first
            for c in sorted((int(c) for c in layer["columns"]), reverse=True):
                table = tensors[f"{name}.E{c}"]
                vectors = table[a[:, c].astype(int)]
                a = np.concatenate([a[:, :c], vectors, a[:, c + 1:]], axis=1)
        elif kind == "dense":
            a = activation(layer["activation"])(a @ tensors[f"{name}.W"] + tensors[f"{name}.B"])
        elif kind != "dropout":
            raise ValueError(f"layer type {kind} is not supported by this reader")
    return a


def predict(model_path, csv_path):
    tensors, metadata = read_safetensors(model_path)
    architecture = json.loads(metadata["architecture"])
    features = json.loads(metadata["features"])
    with open(csv_path, newline="", encoding="utf-8-sig") as f:
        separator = json.loads(metadata["preprocessing"]).get("separator", ",") if "preprocessing" in metadata else ","
        reader = csv.reader(f, delimiter=separator)  # the training file's separator (version 2), else a comma
        header = [name.strip() for name in next(reader)]
        rows = [(reader.line_num, row) for row in reader if row and any(cell.strip(" \t") for cell in row)]
    x = encode(rows, header, metadata, features)
    a = (x - tensors["scaler.features.mean"]) / tensors["scaler.features.scale"]
    a = forward(architecture, tensors, a)
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
        writer.writerow([target + "_predicted"])
        for v in result:
            writer.writerow([repr(float(v))])
    else:
        writer.writerow([target + "_predicted"] + ["p_" + c for c in classes])
        for row in result:
            writer.writerow([classes[int(np.argmax(row))]] + [repr(float(v)) for v in row])


if __name__ == "__main__":
    main()
