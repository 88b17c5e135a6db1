"""TF-IDF (word 1-2-grams + char 3-5-grams) + ridge regression: the classic baseline for the
thinking reward model. Trains on the same synthetic rows as `rewardkit rm train` and writes one
prediction per held-out row; `rewardkit rm eval --predictions` then measures it with the same
code as our model. Usage: rm_baseline.py TRAIN.jsonl HELDOUT.jsonl OUT.txt [ALPHA]"""
import json
import sys

from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import Ridge


def rows(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def label(row):
    """The grade, or an outcome label (`is_correct`, as in GSM8K model solutions) as 1 or 0."""
    return float(row["score"]) if "score" in row else (1.0 if row["is_correct"] else 0.0)


def main():
    train_path, heldout_path, out_path = sys.argv[1:4]
    alpha = float(sys.argv[4]) if len(sys.argv) > 4 else 1.0
    train, heldout = rows(train_path), rows(heldout_path)
    word = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=200_000)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True, max_features=300_000)
    texts = [r["response"] for r in train]
    x = hstack([word.fit_transform(texts), char.fit_transform(texts)]).tocsr()
    model = Ridge(alpha=alpha).fit(x, [label(r) for r in train])
    test = [r["response"] for r in heldout]
    pred = model.predict(hstack([word.transform(test), char.transform(test)]).tocsr())
    with open(out_path, "w", encoding="utf-8") as f:
        for p in pred:
            f.write(f"{min(1.0, max(0.0, float(p))):.6f}\n")


if __name__ == "__main__":
    main()
