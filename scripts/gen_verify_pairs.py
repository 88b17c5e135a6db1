#!/usr/bin/env python3
"""Generates gold/pred answer pairs over every verifier category, true and false, for the
verifier benchmark: `python3 scripts/gen_verify_pairs.py [N] > bench-out/verify_pairs.jsonl`.
Each row: {"gold", "pred", "category", "expect"} where expect is the intended verdict."""
import json
import random
import sys
from fractions import Fraction

rng = random.Random(20261122)


def frac_tex(f):
    f = Fraction(f)
    if f.denominator == 1:
        return str(f.numerator)
    sign = "-" if f < 0 else ""
    return f"{sign}\\frac{{{abs(f.numerator)}}}{{{f.denominator}}}"


def dec(f, places=6):
    return f"{float(f):.{places}f}".rstrip("0").rstrip(".")


def numbers():
    n = rng.randint(-5000, 5000)
    k = rng.choice(range(7))
    if k == 0:
        return (f"{n:,}" if abs(n) >= 1000 else str(n)), str(n + rng.choice([0, 0, 1])), None
    if k == 1:
        f = Fraction(rng.randint(1, 99), rng.choice([2, 4, 5, 8, 10, 20, 25]))
        return frac_tex(f), dec(f) if rng.random() < .8 else dec(f + Fraction(1, 100)), None
    if k == 2:
        p = rng.randint(1, 99)
        return f"{p}\\%", rng.choice([str(p), f"{p}%", dec(Fraction(p, 100)), str(p + 1)]), None
    if k == 3:
        m, e = rng.randint(11, 99) / 10, rng.randint(-5, 8)
        return f"{m}\\times 10^{{{e}}}", rng.choice([f"{m}e{e}", f"{m}e{e + 1}"]), None
    if k == 4:
        return f"{n}^\\circ", rng.choice([str(n), str(n + 10)]), None
    if k == 5:
        return f"\\${abs(n)}", rng.choice([str(abs(n)), f"{abs(n)}.00", str(abs(n) + 1)]), None
    return f"{n}\\text{{ cm}}", rng.choice([str(n), f"{n} cm", str(n - 1)]), None


def fractions_roots():
    a, b = rng.randint(1, 30), rng.randint(2, 30)
    k = rng.choice(range(5))
    if k == 0:
        m = rng.randint(2, 5)
        return f"\\frac{{{a}}}{{{b}}}", rng.choice([f"\\frac{{{a * m}}}{{{b * m}}}", f"{a}/{b}", f"\\frac{{{a + 1}}}{{{b}}}"]), None
    if k == 1:
        s = rng.choice([2, 3, 5, 6, 7])
        c = rng.randint(2, 6)
        return f"{c}\\sqrt{{{s}}}", rng.choice([f"\\sqrt{{{c * c * s}}}", f"\\sqrt{{{c * c * s + 1}}}", f"{c}\\sqrt{s}"]), None
    if k == 2:
        return f"\\dfrac{{\\sqrt{{{a}}}}}{{{b}}}", rng.choice([f"\\frac{{\\sqrt{a}}}{{{b}}}", f"\\frac{{{a}}}{{{b}\\sqrt{{{a}}}}}", f"\\frac{{\\sqrt{{{a + 1}}}}}{{{b}}}"]), None
    if k == 3:
        c = rng.randint(2, 5)
        return str(c), rng.choice([f"\\sqrt[3]{{{c ** 3}}}", f"{c ** 2}^{{1/2}}", f"\\sqrt[3]{{{c ** 3 + 1}}}"]), None
    return f"\\frac{{1+\\sqrt{{{a}}}}}{{{b}}}", rng.choice([f"\\frac{{\\sqrt{{{a}}}+1}}{{{b}}}", f"\\frac{{1-\\sqrt{{{a}}}}}{{{b}}}"]), None


def constants_functions():
    k = rng.choice(range(6))
    if k == 0:
        m = rng.randint(1, 11)
        return f"\\frac{{{m}\\pi}}{{6}}", rng.choice([f"{m}\\pi/6", f"\\frac{{{m}}}{{6}}\\pi", dec(Fraction(m, 6) * Fraction(3141592653589793, 10 ** 15)), f"\\frac{{{m + 1}\\pi}}{{6}}"]), None
    if k == 1:
        return rng.choice([("\\frac12", "\\sin\\frac{\\pi}{6}"), ("\\frac{\\sqrt3}{2}", "\\cos\\frac{\\pi}{6}"), ("1", "\\tan\\frac{\\pi}{4}"), ("\\frac12", "\\cos\\frac{\\pi}{6}")]) + (None,)
    if k == 2:
        b, e = rng.randint(2, 5), rng.randint(1, 6)
        return str(e), rng.choice([f"\\log_{{{b}}} {b ** e}", f"\\log_{{{b}}} {b ** e + 1}"]), None
    if k == 3:
        n = rng.randint(3, 12)
        f = 1
        for i in range(2, n + 1):
            f *= i
        return f"{n}!", rng.choice([str(f), str(f + 1), f"{n}\\cdot {n - 1}!"]), None
    if k == 4:
        n, r = rng.randint(4, 20), rng.randint(1, 3)
        from math import comb
        return f"\\binom{{{n}}}{{{r}}}", rng.choice([str(comb(n, r)), f"\\binom{{{n}}}{{{n - r}}}", str(comb(n, r) + 1)]), None
    return rng.choice([("e^{i\\pi}", "-1"), ("\\ln e^{2}", "2"), ("\\arctan 1", "\\frac{\\pi}{4}"), ("\\arcsin 1", "\\pi")]) + (None,)


def poly_pair():
    a, b = rng.randint(1, 9), rng.randint(-9, 9)
    x = rng.choice("xytn")
    k = rng.choice(range(6))
    if k == 0:
        return f"{x}^2+{2 * a}{x}+{a * a}", rng.choice([f"({x}+{a})^2", f"({x}+{a + 1})^2", f"({a}+{x})^{{2}}"])
    if k == 1:
        return f"\\frac{{{x}^2-{a * a}}}{{{x}-{a}}}", rng.choice([f"{x}+{a}", f"{x}-{a}"])
    if k == 2:
        return f"\\sin^2 {x} + \\cos^2 {x}", rng.choice(["1", f"\\sin {x}", "2"])
    if k == 3:
        return f"{a}{x}+{b}", rng.choice([f"{b}+{a}{x}", f"{a}*{x}+{b}", f"{a}{x}+{b}+10^{{-12}}", f"{a}{x}-{b}" if b else f"{a}{x}+1"])
    if k == 4:
        return f"\\frac{{1}}{{{x}}}+\\frac{{1}}{{{a}}}", rng.choice([f"\\frac{{{x}+{a}}}{{{a}{x}}}", f"\\frac{{{x}+{a + 1}}}{{{a}{x}}}"])
    return f"e^{{{a}{x}}}", rng.choice([f"(e^{{{x}}})^{{{a}}}", f"e^{{{a}}}e^{{{x}}}", f"\\exp({a}{x})"])


def symbolic():
    g, p = poly_pair()
    return g, p, None


def sets_tuples():
    xs = rng.sample(range(-20, 20), rng.randint(2, 4))
    ys = xs[:]
    k = rng.choice(range(4))
    if k == 0:
        rng.shuffle(ys)
        if rng.random() < .3:
            ys[0] += 1
        return "\\{" + ",".join(map(str, xs)) + "\\}", "\\{" + ", ".join(map(str, ys)) + "\\}", None
    if k == 1:
        if rng.random() < .5:
            rng.shuffle(ys)
        return "(" + ",".join(map(str, xs)) + ")", "(" + ", ".join(map(str, ys)) + ")", None
    if k == 2:
        rng.shuffle(ys)
        return ", ".join(map(str, xs)), ", ".join(map(str, ys)) if rng.random() < .7 else ", ".join(map(str, ys[:-1])), None
    a = rng.choice([2, 3, 5, 7])
    return f"1\\pm\\sqrt{{{a}}}", rng.choice([f"1+\\sqrt{{{a}}}, 1-\\sqrt{{{a}}}", f"1-\\sqrt{a},1+\\sqrt{a}", f"1+\\sqrt{{{a}}}"]), None


def intervals():
    a, b = sorted(rng.sample(range(-20, 20), 2))
    l, r = rng.choice("(["), rng.choice(")]")
    k = rng.choice(range(4))
    if k == 0:
        return f"{l}{a},{b}{r}", rng.choice([f"{l}{a}, {b}{r}", f"{'[' if l == '(' else '('}{a},{b}{r}", f"{l}{a},{b + 1}{r}"]), None
    if k == 1:
        op = rng.choice([">", "\\ge", "<", "\\le"])
        iv = {">": f"({a}, \\infty)", "\\ge": f"[{a}, \\infty)", "<": f"(-\\infty, {a})", "\\le": f"(-\\infty, {a}]"}[op]
        bad = {">": f"[{a}, \\infty)", "\\ge": f"({a}, \\infty)", "<": f"(-\\infty, {a}]", "\\le": f"(-\\infty, {a})"}[op]
        return f"x {op} {a}", rng.choice([iv, bad, f"{a} {'<' if op == '>' else '>'} x" if op in '<>' else iv]), None
    if k == 2:
        return f"{a} < x \\le {b}", rng.choice([f"({a}, {b}]", f"[{a}, {b}]"]), None
    return f"(-\\infty,{a})\\cup({b},\\infty)", rng.choice([f"({b},\\infty)\\cup(-\\infty,{a})", f"(-\\infty,{a}]\\cup({b},\\infty)"]), None


def matrices():
    n = rng.choice([1, 2, 3])
    m = rng.choice([1, 2, 3]) if n > 1 else rng.choice([2, 3])
    cells = [[rng.randint(-9, 9) for _ in range(m)] for _ in range(n)]
    other = [row[:] for row in cells]
    if rng.random() < .4:
        other[rng.randrange(n)][rng.randrange(m)] += 1
    env = rng.choice(["pmatrix", "bmatrix"])

    def tex(c, e):
        return f"\\begin{{{e}}}" + "\\\\".join("&".join(map(str, r)) for r in c) + f"\\end{{{e}}}"
    return tex(cells, "pmatrix"), tex(other, env), None


def equations():
    a, b = rng.randint(1, 9), rng.randint(-9, 9)
    k = rng.choice(range(4))
    if k == 0:
        return f"x={a}", rng.choice([str(a), f"x = {a}", f"x={a + 1}", f"{a}.0"]), None
    if k == 1:
        c = rng.randint(2, 4)
        return f"y={a}x+{b}", rng.choice([f"{a}x-y+{b}=0", f"{c}y={c * a}x+{c * b}", f"y={a}x-{b}" if b else f"y={a + 1}x"]), None
    if k == 2:
        return f"a={a}, b={b}", rng.choice([f"b={b}, a={a}", f"({a}, {b})", f"a={b}, b={a}" if a != b else f"a={a}, b={b + 1}"]), None
    return f"x^2+y^2={a * a}", rng.choice([f"y^2+x^2-{a * a}=0", f"x^2+y^2={a}"]), None


def text():
    w = rng.choice(["yes", "no", "Monday", "even", "odd", "increasing", "A", "B", "C", "D", "true", "false"])
    o = rng.choice([w.upper(), w.capitalize(), f"\\text{{{w}}}", "maybe", "E"])
    return f"\\text{{{w}}}" if rng.random() < .5 else w, o, None


def tiny_huge():
    n = rng.randint(100, 2010)
    k = rng.choice(range(4))
    if k == 0:
        return f"\\frac{{1}}{{{n}!}}", rng.choice([f"\\frac{{1}}{{{n + 2}!}}", f"\\frac{{{n + 1}}}{{{n + 1}!}}"]), None
    if k == 1:
        e = rng.randint(20, 300)
        return f"10^{{{e}}}", rng.choice([f"10^{{{e}}}+1", f"100^{{{e // 2}}}" if e % 2 == 0 else f"10\\cdot 10^{{{e - 1}}}"]), None
    if k == 2:
        e = rng.randint(20, 300)
        return f"x", rng.choice([f"x+10^{{-{e}}}", "x"]), None
    e = rng.randint(2, 60)
    return f"2^{{{e}}}", rng.choice([str(2 ** e), str(2 ** e - 1)]), None


CATEGORIES = [numbers, fractions_roots, constants_functions, symbolic, sets_tuples, intervals, matrices, equations, text, tiny_huge]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 12000
    for i in range(n):
        gen = CATEGORIES[i % len(CATEGORIES)]
        g, p, _ = gen()
        print(json.dumps({"gold": g, "pred": p, "category": gen.__name__}))


if __name__ == "__main__":
    main()
