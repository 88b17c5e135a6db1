#!/usr/bin/env bash
# `rewardkit expand` with images against Pillow doing the same transforms, in one run.
#
# usage: scripts/bench_expand_images.sh [N] [SIZE]     (default 200 images of 1024x1024)
#   Generates N SIZExSIZE JPEGs, expands them into 2 variants each with --image-prob 1 (every
#   variant 1 draws one of the nine transforms, a third of them noise), then has Pillow (+ numpy
#   for the noise, as Python training code does it) apply the same transform to the same image
#   and save a JPEG at the same quality (90). Prints images/s side by side: ours as it runs by
#   default (rows on every core), ours on one thread (--jobs 1, VIPS_CONCURRENCY=1), and Pillow
#   (one thread, as a Python loop runs it). Ours is timed whole (process start, JSON, header
#   checks included); Pillow's image work only.
# env: BIN (default .build/release/rewardkit, built when missing), VENV (default .venv-bench;
#   pillow and numpy are installed into it when missing), OUT (default bench-out/expand_images).
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-200}"
size="${2:-1024}"
bin="${BIN:-.build/release/rewardkit}"
venv="${VENV:-.venv-bench}"
out="${OUT:-bench-out/expand_images}"

[ -n "${BIN:-}" ] || swift build -c release --product rewardkit >/dev/null
if ! "$venv/bin/python" -c 'import PIL, numpy' 2>/dev/null; then
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/pip" install -q pillow numpy
fi
py="$venv/bin/python"

rm -rf "$out"
mkdir -p "$out/src" "$out/ours" "$out/ours1"
"$py" scripts/bench_expand_images.py gen "$out/src" "$n" "$size"

# Seconds of wall time for one command.
timed() { local s e; s=$(date +%s.%N); "$@"; e=$(date +%s.%N); echo "$e - $s" | bc; }

ours=$(timed "$bin" expand "$out/src/in.jsonl" --variants 2 --image-prob 1 --seed 7 --out "$out/ours/v.jsonl" 2>"$out/ours.log")
ours1=$(VIPS_CONCURRENCY=1 timed "$bin" expand "$out/src/in.jsonl" --variants 2 --image-prob 1 --seed 7 --jobs 1 --out "$out/ours1/v.jsonl" 2>"$out/ours1.log")
written=$(grep -o '[0-9]* images written' "$out/ours.log" | cut -d' ' -f1)
read -r _ pil_images pil_seconds < <("$py" scripts/bench_expand_images.py pillow "$out/ours/v.jsonl" "$out/pillow")
[ "$written" = "$pil_images" ] || { echo "ours wrote $written images, Pillow $pil_images" >&2; exit 1; }
cmp -s "$out/ours/v.jsonl" "$out/ours1/v.jsonl" || { echo "the two runs of ours differ" >&2; exit 1; }
for f in "$out"/ours/*.jpg; do cmp -s "$f" "$out/ours1/${f##*/}" || { echo "the two runs wrote different bytes: ${f##*/}" >&2; exit 1; }; done

echo "$(grep -c '"image_transform":"noise_' "$out/ours/v.jsonl") of $written transforms are noise; $(nproc) cores; load average $(cut -d' ' -f1 /proc/loadavg)"
awk -v n="$written" -v a="$ours" -v b="$ours1" -v p="$pil_seconds" 'BEGIN {
  printf "%-40s %8s %10s %10s %12s\n", "", "images", "seconds", "images/s", "vs Pillow"
  printf "%-40s %8d %10.2f %10.1f %11.2fx\n", "rewardkit expand (default: every core)", n, a, n / a, p / a
  printf "%-40s %8d %10.2f %10.1f %11.2fx\n", "rewardkit expand (one thread)", n, b, n / b, p / b
  printf "%-40s %8d %10.2f %10.1f %11.2fx\n", "Pillow + numpy (one thread)", n, p, n / p, 1
}'
