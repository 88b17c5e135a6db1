"""Rows and table for scripts/bench_real_outputs.sh (standard library only).

  python3 bench_real_outputs.py rows DATA_DIR OUT_DIR
      writes OUT_DIR/{set}_{split}.jsonl: {id, qid, response, answer, problem_type?, options?, is_correct}
  python3 bench_real_outputs.py table OUT_DIR COMMIT
      reads the `rewardkit audit --json` reports OUT_DIR/{set}_{split}_{mode}.json, prints the table

Splits are by question: a stable hash of the question id puts every response to one question in
the same half, "dev" (tuned on) or "test" (reported), so no figure on "test" comes from a question
anyone looked at while tuning.
"""
import hashlib
import json
import os
import sys

SETS = ["gsm8k", "mathv", "mathvista"]
SPLITS = ["dev", "test"]


def split_of(set_name, qid):
    digest = hashlib.sha256(f"{set_name}:{qid}".encode()).digest()
    return "dev" if digest[0] % 2 == 0 else "test"


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def gsm8k_rows(data_dir):
    for r in read_jsonl(os.path.join(data_dir, "gsm8k", "model_solutions_dev.jsonl")):
        yield r["id"], r["qid"], r["response"], r["answer"], None, r["is_correct"]


def mathv_rows(data_dir):
    for r in read_jsonl(os.path.join(data_dir, "mathv_dev.jsonl")):
        yield r["id"], r["qid"], r["pred"], r["gold"], r.get("options"), r["expected"]


def mathvista_rows(data_dir):
    for r in read_jsonl(os.path.join(data_dir, "mathvista_dev.jsonl")):
        # The code runs were graded on what their program printed, not on the program.
        response = r["execution"] if "_2shot_code" in r["model"] else r["pred"]
        yield r["id"], r["qid"], response or "", r["gold"], r.get("choices"), r["expected"]


READERS = {"gsm8k": gsm8k_rows, "mathv": mathv_rows, "mathvista": mathvista_rows}


def write_rows(data_dir, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for set_name in SETS:
        files = {s: open(os.path.join(out_dir, f"{set_name}_{s}.jsonl"), "w", encoding="utf-8") for s in SPLITS}
        counts = {s: 0 for s in SPLITS}
        for rid, qid, response, answer, options, label in READERS[set_name](data_dir):
            row = {"id": rid, "qid": qid, "response": response, "answer": answer}
            if isinstance(options, list) and options:
                # Multiple choice, as a user of the reward marks it: the option letters are read as such.
                row["problem_type"] = "multiple_choice"
                row["options"] = [str(o) for o in options]
            row["is_correct"] = bool(label)
            split = split_of(set_name, qid)
            files[split].write(json.dumps(row, ensure_ascii=False) + "\n")
            counts[split] += 1
        for f in files.values():
            f.close()
        print(f"{set_name}: dev {counts['dev']} rows, test {counts['test']} rows", file=sys.stderr)


def load(out_dir, set_name, split, mode):
    path = os.path.join(out_dir, f"{set_name}_{split}_{mode}.json")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def add(a, b):
    if a is None:
        return dict(b)
    keys = ["rows", "agreed", "false_accepts", "false_rejects", "labelled_correct"]
    out = {k: a[k] + b[k] for k in keys}
    out["seconds"] = (a.get("seconds") or 0) + (b.get("seconds") or 0)
    out["unscored"] = a["unscored"] + b["unscored"]
    out["agreement"] = out["agreed"] / out["rows"] if out["rows"] else 0
    return out


def table(out_dir, commit):
    modes = [m for m in ["anchored", "fallback", "default"] if any(load(out_dir, s, "dev", m) for s in SETS)]
    print(f"Real model outputs, commit {commit}; accuracy on one thread, math-verify 0.9.0 on 2 processes.")
    print("FA = false accepts (accepted, labelled wrong), FR = false rejects (rejected, labelled correct);")
    print("unscored = rows the accuracy reward could not score (error rows), left out of both verifiers' figures.")
    print()
    print("| set | split | rows | unscored | verifier | agreement | FA | FR | pairs/s |")
    print("| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |")
    speed = {}
    for set_name in SETS:
        for split in SPLITS + ["all"]:
            parts = SPLITS if split == "all" else [split]
            lines = []
            for mode in modes:
                for name in ["accuracy", "math-verify"]:
                    if name == "math-verify" and mode != modes[0]:
                        continue
                    total = None
                    for part in parts:
                        report = load(out_dir, set_name, part, mode)
                        if report is None:
                            total = None
                            break
                        v = next((v for v in report["verifiers"] if v["name"] == name), None)
                        if v is None:
                            total = None
                            break
                        total = add(total, dict(v, unscored=len(report["unreadable"])))
                    if total is None:
                        continue
                    label = f"accuracy ({mode})" if name == "accuracy" else name
                    rate = total["rows"] / total["seconds"] if total.get("seconds") else 0
                    if split == "all":
                        speed.setdefault(set_name, {})[label] = rate
                    lines.append(f"| {set_name} | {split} | {total['rows']} | {total['unscored']} | {label} | {100 * total['agreement']:.2f}% "
                                 f"| {total['false_accepts']} | {total['false_rejects']} | {rate:,.0f} |")
            for line in lines:
                print(line)
    print()
    for set_name, rates in speed.items():
        peer = rates.get("math-verify")
        if not peer:
            continue
        for label, rate in rates.items():
            if label != "math-verify":
                print(f"speed {set_name}: {label} {rate / peer:,.0f}x math-verify on the same pairs")


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "rows":
        write_rows(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "table":
        table(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)


main()
