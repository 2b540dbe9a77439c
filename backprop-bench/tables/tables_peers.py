#!/usr/bin/env python3
"""Splits the benchmark tables and scores scikit-learn's peers on them.

split:  tables_peers.py split --data DIR --work DIR [--seed 0]
    For each table of datasets.tsv: 80 % train / 20 % test rows (stratified by the target for
    classification), written as the original CSV lines, untouched (quotes, NA and all), so every
    tool reads exactly the text R wrote. Test rows whose target is missing are left out of the test
    file (no tool can be scored on them); training rows keep them.
score:  tables_peers.py score --work DIR [--seed 0]
    For each table, scikit-learn at its idiomatic best on raw mixed-type data, as a user writes it:
    - "sklearn MLP": ColumnTransformer(numeric: SimpleImputer(median, add_indicator) +
      StandardScaler; text: SimpleImputer(constant) + OneHotEncoder(handle_unknown="ignore")) then
      MLPRegressor (target standardized, TransformedTargetRegressor) or MLPClassifier, hidden
      (64, 64), Adam, early_stopping=True, max_iter=500;
    - "sklearn HGB": HistGradientBoosting with native categorical support (OrdinalEncoder on text
      columns, categorical_features mask), default settings.
    Prints one JSON line per (table, model): test r2 / rmse (regression) or accuracy / roc_auc
    (binary) / macro_f1, and the fit seconds.
"""
import argparse
import csv
import io
import json
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def datasets():
    with open(os.path.join(HERE, "datasets.tsv")) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, target, task, _ = line.rstrip("\n").split("\t", 3)
            yield name, target, task


MISSING = {"", "NA", "N/A", "NaN", "null", "?"}


def split(args):
    os.makedirs(args.work, exist_ok=True)
    for name, target, task in datasets():
        with open(os.path.join(args.data, name + ".csv"), newline="") as f:
            text = f.read()
        lines = text.splitlines(keepends=True)
        header, body = lines[0], lines[1:]
        col = next(csv.reader([header])).index(target)
        values = [next(csv.reader([line]))[col] for line in body]
        rng = random.Random(args.seed)
        if task == "classification":
            groups = {}
            for i, v in enumerate(values):
                groups.setdefault(v, []).append(i)
            test = []
            for v in sorted(groups):
                idx = groups[v][:]
                rng.shuffle(idx)
                test += idx[: round(0.2 * len(idx))]
        else:
            idx = list(range(len(body)))
            rng.shuffle(idx)
            test = idx[: round(0.2 * len(idx))]
        test_set = set(test)
        train_rows = [body[i] for i in range(len(body)) if i not in test_set]
        test_rows = [body[i] for i in sorted(test_set) if values[i] not in MISSING]
        for part, rows in (("train", train_rows), ("test", test_rows)):
            with open(os.path.join(args.work, "%s.%s.csv" % (name, part)), "w", newline="") as f:
                f.write(header)
                f.writelines(rows)
        print("%s: %d train rows, %d test rows" % (name, len(train_rows), len(test_rows)))


def score(args):
    import numpy as np
    import pandas as pd
    from sklearn.compose import ColumnTransformer, TransformedTargetRegressor
    from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
    from sklearn.impute import SimpleImputer
    from sklearn.metrics import accuracy_score, f1_score, mean_squared_error, r2_score, roc_auc_score
    from sklearn.neural_network import MLPClassifier, MLPRegressor
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler
    import sklearn

    for name, target, task in datasets():
        train = pd.read_csv(os.path.join(args.work, name + ".train.csv"))
        test = pd.read_csv(os.path.join(args.work, name + ".test.csv"))
        train = train[train[target].notna()]
        x, y = train.drop(columns=[target]), train[target]
        xt, yt = test.drop(columns=[target]), test[target]
        text = [c for c in x.columns if x[c].dtype == object or x[c].dtype == bool]
        numeric = [c for c in x.columns if c not in text]
        for c in text:
            x[c] = x[c].astype(object).where(x[c].notna(), None).astype(str)
            xt[c] = xt[c].astype(object).where(xt[c].notna(), None).astype(str)
        onehot = ColumnTransformer([
            ("num", make_pipeline(SimpleImputer(strategy="median", add_indicator=True), StandardScaler()), numeric),
            ("cat", OneHotEncoder(handle_unknown="ignore"), text)])
        ordinal = ColumnTransformer([
            ("num", "passthrough", numeric),
            ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=np.nan), text)])
        mask = [False] * len(numeric) + [True] * len(text)
        if task == "regression":
            mlp = make_pipeline(onehot, TransformedTargetRegressor(
                regressor=MLPRegressor(hidden_layer_sizes=(64, 64), early_stopping=True, max_iter=500,
                                       random_state=args.seed), transformer=StandardScaler()))
            hgb = make_pipeline(ordinal, HistGradientBoostingRegressor(categorical_features=mask or None,
                                                                        random_state=args.seed))
        else:
            y, yt = y.astype(str), yt.astype(str)
            mlp = make_pipeline(onehot, MLPClassifier(hidden_layer_sizes=(64, 64), early_stopping=True, max_iter=500,
                                                      random_state=args.seed))
            hgb = make_pipeline(ordinal, HistGradientBoostingClassifier(categorical_features=mask or None,
                                                                         random_state=args.seed))
        for label, model in (("sklearn MLP", mlp), ("sklearn HGB", hgb)):
            start = time.perf_counter()
            model.fit(x, y)
            seconds = time.perf_counter() - start
            row = {"table": name, "model": label, "rows": len(train), "seconds": round(seconds, 3),
                   "sklearn": sklearn.__version__}
            p = model.predict(xt)
            if task == "regression":
                row["r2"] = r2_score(yt, p)
                row["rmse"] = float(np.sqrt(mean_squared_error(yt, p)))
            else:
                row["accuracy"] = accuracy_score(yt, p)
                row["macro_f1"] = f1_score(yt, p, average="macro")
                classes = list(model.classes_)
                if len(classes) == 2:
                    row["roc_auc"] = roc_auc_score(yt == classes[1], model.predict_proba(xt)[:, 1])
            print(json.dumps(row), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["split", "score"])
    parser.add_argument("--data")
    parser.add_argument("--work", required=True)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    split(args) if args.command == "split" else score(args)


if __name__ == "__main__":
    main()
