"""Pillow's side of scripts/bench_expand_images.sh, and the test images.

  gen DIR N SIZE       write N SIZExSIZE JPEGs (quality 90) and DIR/in.jsonl naming them
  pillow ROWS OUT_DIR  for every variant row of `rewardkit expand` output that has an
                       image_transform, apply the same transform to the same source image with
                       Pillow (+ numpy for the noise) and save a JPEG (quality 90); prints
                       "pillow IMAGES SECONDS" (image work only: JSON reading is not timed)
"""
import json
import os
import sys
import time

import numpy as np
from PIL import Image


def gen(directory, n, size):
    rng = np.random.default_rng(0)
    y, x = np.mgrid[0:size, 0:size].astype(np.float32) / size
    with open(os.path.join(directory, "in.jsonl"), "w") as rows:
        for i in range(n):
            # Smooth colour fields with some texture, so JPEG sizes are like a photograph's.
            a, b, c = rng.uniform(0.5, 6, 3)
            img = np.stack([
                128 + 100 * np.sin(a * x * 6.28 + i),
                128 + 100 * np.cos(b * y * 6.28 + i),
                128 + 100 * np.sin(c * (x + y) * 3.14),
            ], axis=-1) + rng.normal(0, 8, (size, size, 3))
            name = f"img{i:04d}.jpg"
            Image.fromarray(np.clip(img, 0, 255).astype(np.uint8)).save(os.path.join(directory, name), quality=90)
            rows.write(json.dumps({"prompt": f"<image>Question {i}?", "answer": str(i), "images": [name]}) + "\n")


def transform(img, name, rng):
    if name == "rotate_90cw":
        return img.transpose(Image.Transpose.ROTATE_270)
    if name == "rotate_90ccw":
        return img.transpose(Image.Transpose.ROTATE_90)
    if name == "rotate_180":
        return img.transpose(Image.Transpose.ROTATE_180)
    if name == "flip_vertical":
        return img.transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    if name == "flip_horizontal":
        return img.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    if name == "flip_both":
        return img.transpose(Image.Transpose.FLIP_LEFT_RIGHT).transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    sd = float(name.split("_")[1])
    pixels = np.asarray(img, dtype=np.float32)
    noisy = pixels + rng.normal(0.0, sd, pixels.shape).astype(np.float32)
    return Image.fromarray(np.clip(np.rint(noisy), 0, 255).astype(np.uint8))


def pillow(rows_path, out_dir):
    base = os.path.dirname(os.path.abspath(rows_path))
    jobs = []
    with open(rows_path) as rows:
        originals = {}
        for line in rows:
            row = json.loads(line)
            if "error" in row:
                continue
            if row["variant"] == 0:
                originals[row["group"]] = os.path.normpath(os.path.join(base, row["images"][0]))
            elif "image_transform" in row:
                jobs.append((originals[row["group"]], row["image_transform"]))
    os.makedirs(out_dir, exist_ok=True)
    rng = np.random.default_rng(7)
    start = time.perf_counter()
    for k, (source, name) in enumerate(jobs):
        with Image.open(source) as img:
            transform(img, name, rng).save(os.path.join(out_dir, f"{k}.{name}.jpg"), quality=90)
    print(f"pillow {len(jobs)} {time.perf_counter() - start:.3f}")


if __name__ == "__main__":
    if sys.argv[1] == "gen":
        gen(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        pillow(sys.argv[2], sys.argv[3])
