"""PyTorch CPU peer for nn-bench: the same pre-LN causal transformer LM, same shapes, same step.

Usage: python torch_reference.py [batch seqLen dim layers heads vocab steps]
Prints tokens/s for forward+loss+backward (and with an AdamW step), like nn-bench, and tokens per
CPU-second, which stays comparable when other jobs share the machine (use 1 thread).
"""
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads = heads
        self.norm1 = nn.LayerNorm(dim)
        self.qkv = nn.Linear(dim, 3 * dim)
        self.out = nn.Linear(dim, dim)
        self.norm2 = nn.LayerNorm(dim)
        self.fc1 = nn.Linear(dim, 4 * dim)
        self.fc2 = nn.Linear(4 * dim, dim)

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.qkv(self.norm1(x)).split(d, dim=2)
        q, k, v = (z.view(b, t, self.heads, d // self.heads).transpose(1, 2) for z in (q, k, v))
        a = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        x = x + self.out(a.transpose(1, 2).reshape(b, t, d))
        return x + self.fc2(F.gelu(self.fc1(self.norm2(x)), approximate="tanh"))


class LM(nn.Module):
    def __init__(self, vocab, dim, heads, layers, max_len):
        super().__init__()
        self.tok = nn.Embedding(vocab, dim)
        self.pos = nn.Embedding(max_len, dim)
        self.blocks = nn.ModuleList(Block(dim, heads) for _ in range(layers))
        self.norm = nn.LayerNorm(dim)
        self.head = nn.Linear(dim, vocab)

    def forward(self, ids):
        x = self.tok(ids) + self.pos(torch.arange(ids.shape[1]))
        for block in self.blocks:
            x = block(x)
        return self.head(self.norm(x))


def main():
    a = [int(s) for s in sys.argv[1:]]
    batch, seq, dim, layers, heads, vocab, steps = (a + [16, 128, 128, 4, 4, 96, 10][len(a):])[:7]
    torch.manual_seed(1)
    model = LM(vocab, dim, heads, layers, seq)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4)
    ids = torch.randint(0, vocab, (batch, seq))
    targets = torch.randint(0, vocab, (batch, seq))
    fwd = bwd = optim = cpu = 0.0
    for step in range(steps + 2):
        c0 = time.process_time()
        t0 = time.perf_counter()
        loss = F.cross_entropy(model(ids).view(-1, vocab), targets.view(-1))
        t1 = time.perf_counter()
        opt.zero_grad(set_to_none=False)
        loss.backward()
        t2 = time.perf_counter()
        c1 = time.process_time()
        opt.step()
        t3 = time.perf_counter()
        if step >= 2:
            fwd, bwd, optim, cpu = fwd + t1 - t0, bwd + t2 - t1, optim + t3 - t2, cpu + c1 - c0
    fwd, bwd, optim, cpu = fwd / steps, bwd / steps, optim / steps, cpu / steps
    tokens = batch * seq
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, batch {batch} x seq {seq}, d{dim} L{layers} H{heads} vocab {vocab}")
    print(f"forward {fwd*1000:.0f} ms, backward {bwd*1000:.0f} ms, adamw {optim*1000:.0f} ms; "
          f"fwd+bwd {tokens/(fwd+bwd):.0f} tokens/s, with optimiser {tokens/(fwd+bwd+optim):.0f} tokens/s, "
          f"fwd+bwd per CPU-second {tokens/cpu:.0f} tokens")


if __name__ == "__main__":
    main()
