#!/usr/bin/env python3
"""Offline checks of bench/queries/held-aside-answerable-1.json (never queries a service).

usage: python3 scripts/check-held-aside-targets.py [QUERIES] [DRAW_JSONL]
  DRAW_JSONL is the output of scripts/draw-held-aside-targets.py (entry id 3001 + draw rank).

For every entry: the target's lines [first, last] contain the drawn record's question
(score-extract.py normalization), the range has no loose edge (a blank line or the header before
it; a blank line or the A： line after it), ../shared/tools/relevance.py's gold_question() loads the
target, the target is not one of ../shared/gold/dev-queries.json's targets, no target repeats, and
the entry has the dev set's keys and a known style.
"""
import importlib.util
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TOOLS = os.path.join(os.path.dirname(ROOT), "shared", "tools")


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


rel = load("relevance", os.path.join(TOOLS, "relevance.py"))
score = rel.score


def main(argv):
    qfile = argv[0] if argv else os.path.join(ROOT, "bench", "queries", "held-aside-answerable-1.json")
    dfile = argv[1] if len(argv) > 1 else "/tmp/h16-draw45.jsonl"
    queries = json.load(open(qfile, encoding="utf-8"))
    draw = {3001 + d["rank"]: d for d in map(json.loads, open(dfile, encoding="utf-8"))}
    dev = json.load(open(os.path.join(os.path.dirname(TOOLS), "gold", "dev-queries.json"), encoding="utf-8"))
    dev_keys = set(dev[0])
    dev_t = [(x["target"]["file"], rel.gold_question(x["target"])) for x in dev]
    errors, seen = [], []
    for x in queries:
        i, t = x["id"], x["target"]
        if set(x) != dev_keys or set(t) != {"file", "q"}:
            errors.append(f"{i}: keys {sorted(x)}")
        if x["style"] not in {"keywords", "natural", "english", "typo", "answer"}:
            errors.append(f"{i}: style {x['style']}")
        gq = rel.gold_question(t)                      # what relevance.py compares hits against
        rq = score.norm(score.strip_markdown(draw[i]["question"]))
        if draw[i]["source"] != t["file"] or rq not in gq or score.sim(gq, rq) < 0.8:
            errors.append(f"{i}: lines {t['q']} do not hold the record's question")
        lines = open(os.path.join(rel.CORPUS, t["file"]), encoding="utf-8").read().split("\n")
        a, b = t["q"]
        before, after = lines[a - 2], (lines[b] if b < len(lines) else "")
        if before.strip() and "提问" not in before and not re.match(r"\s*\*\*|\s*\d+[.、]|\s*@", before):
            errors.append(f"{i}: line {a - 1} before the range is not blank/header: {before[:60]}")
        if after.strip() and not re.match(r"\s*(A|答)\s*[：:]", after):
            errors.append(f"{i}: line {b + 1} after the range is not blank/answer: {after[:60]}")
        if any(score.same_post(t["file"], f) and score.sim(q, gq) >= 0.8 for f, q in dev_t):
            errors.append(f"{i}: target already used in dev-queries.json")
        if any(f == t["file"] and score.sim(q, gq) >= 0.8 for f, q in seen):
            errors.append(f"{i}: duplicate target")
        seen.append((t["file"], gq))
    for e in errors:
        print("FAIL", e)
    print(f"checked {len(queries)} entries, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
