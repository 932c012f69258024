"""Builds the labelled set the memory is measured on: claim → approved sentence pairs from the
repository's own Factory messages and pitches (sentences of many products and industries),
and queries made from some of those claims the way writers reword them, each labelled with the
pair it must find. Written once and committed (pairs.tsv, queries.tsv), so the set is fixed
before the code is run against it.

    python3 make_queries.py            # rewrites pairs.tsv and queries.tsv

A query is a claim with one of: one to three words replaced by synonyms, numbers changed, words
reordered (a clause moved, or two words swapped), a word dropped or added; or two of these at
once. Standard library only.
"""

import glob
import os
import random
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
SOURCES = sorted(glob.glob(os.path.join(ROOT, "tests/import-corpus/*.md")) + glob.glob(os.path.join(ROOT, "tests/check-corpus*/*.md")) + glob.glob(os.path.join(ROOT, "assets/demo/*.md")))

SYNONYMS = {
    "cut": "reduce", "cuts": "reduces", "reduce": "cut", "faster": "quicker", "quickly": "fast", "customers": "clients", "customer": "client",
    "team": "staff", "teams": "staff", "help": "support", "helps": "supports", "saves": "spares", "save": "spare", "every": "each", "each": "every",
    "minutes": "mins", "start": "begin", "starts": "begins", "shows": "displays", "see": "view", "sees": "views", "get": "receive", "gets": "receives",
    "buy": "purchase", "need": "require", "needs": "requires", "use": "employ", "uses": "employs", "keep": "retain", "keeps": "retains",
    "fewer": "less", "more": "extra", "without": "with no", "within": "inside", "across": "over", "month": "period", "week": "period",
    "daily": "every day", "automatically": "on its own", "real-time": "live", "errors": "mistakes", "error": "mistake", "costs": "expenses",
    "price": "cost", "prices": "costs", "sends": "delivers", "send": "deliver", "stops": "prevents", "stop": "prevent", "runs": "operates",
    "works": "operates", "simple": "easy", "easy": "simple", "large": "big", "small": "little", "new": "fresh", "first": "initial",
}
FILLER = ["also", "now", "really", "today", "fully"]


def sentences(path):
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"^#+ .*$", "", text, flags=re.M)
    text = re.sub(r"^\s*[-*>]\s*", "", text, flags=re.M)
    text = re.sub(r"\*\*|__|\*|`|\[([^\]]*)\]\([^)]*\)", r"\1", text)
    out = []
    for para in re.split(r"\n\s*\n", text):
        para = " ".join(para.split())
        for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"0-9])", para):
            words = s.split()
            if 8 <= len(words) <= 40 and not s.startswith("|") and "---" not in s:
                out.append(s)
    return out


def renumber(s, rng):
    def bump(m):
        n = m.group(0)
        digits = re.sub(r"\D", "", n)
        if not digits:
            return n
        new = str(int(digits) + rng.randint(1, 9))
        return new
    return re.sub(r"\d+(?:[.,]\d+)*", bump, s, count=rng.randint(1, 2))


def reword(s, rng):
    words = s.split()
    idx = [i for i, w in enumerate(words) if w.lower().strip(".,;:") in SYNONYMS]
    rng.shuffle(idx)
    for i in idx[: rng.randint(1, 3)]:
        core = words[i].strip(".,;:")
        tail = words[i][len(core):]
        rep = SYNONYMS[core.lower()]
        if core[0].isupper():
            rep = rep[0].upper() + rep[1:]
        words[i] = rep + tail
    return " ".join(words) if idx else None


def reorder(s, rng):
    if ", " in s and rng.random() < 0.6:
        head, tail = s.rstrip(".").split(", ", 1)
        if len(tail.split()) >= 3 and len(head.split()) >= 3:
            return tail[0].upper() + tail[1:] + ", " + head[0].lower() + head[1:] + "."
    words = s.split()
    i = rng.randrange(1, len(words) - 2)
    words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def drop_or_add(s, rng):
    words = s.split()
    if rng.random() < 0.5 and len(words) > 9:
        del words[rng.randrange(1, len(words) - 1)]
    else:
        words.insert(rng.randrange(1, len(words)), rng.choice(FILLER))
    return " ".join(words)


def main():
    rng = random.Random(20261205)
    claims = []
    seen = set()
    for path in SOURCES:
        for s in sentences(path):
            key = s.lower()
            if key not in seen:
                seen.add(key)
                claims.append((os.path.relpath(path, ROOT), s))
    # Each claim's approved wording: the sentence written after it in the same file (a
    # different text, as a translation is).
    pairs = []
    for i, (src, s) in enumerate(claims):
        target = claims[i + 1][1] if i + 1 < len(claims) and claims[i + 1][0] == src else claims[i - 1][1]
        pairs.append((s, target))
    with open(os.path.join(HERE, "pairs.tsv"), "w", encoding="utf-8") as f:
        f.write("source\ttarget\n")
        for s, t in pairs:
            f.write(f"{s}\t{t}\n")
    def combined(s, rng):
        # Two changes at once: reworded or a word dropped/added, then reordered or renumbered.
        first = (reword(s, rng) or drop_or_add(s, rng))
        return renumber(first, rng) if re.search(r"\d", first) else reorder(first, rng)

    kinds = [("reworded", reword), ("numbers", renumber), ("reordered", reorder), ("word dropped or added", drop_or_add), ("two changes", combined)]
    queries = []
    order = list(range(len(pairs)))
    rng.shuffle(order)
    for i in order:
        kind, make = kinds[len(queries) % len(kinds)]
        s = pairs[i][0]
        if kind == "numbers" and not re.search(r"\d", s):
            continue
        q = make(s, rng)
        if q and q != s:
            queries.append((q, i, kind))
        if len(queries) >= 750:
            break
    with open(os.path.join(HERE, "queries.tsv"), "w", encoding="utf-8") as f:
        f.write("query\tpair\tkind\n")
        for q, i, kind in queries:
            f.write(f"{q}\t{i}\t{kind}\n")
    print(f"{len(pairs)} pairs, {len(queries)} queries")


if __name__ == "__main__":
    main()
