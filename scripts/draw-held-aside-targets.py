#!/usr/bin/env python3
"""Seeded random draw of targets for bench/queries/held-aside-answerable-1.json.

usage:
  npm run --silent extract -- ../shared/corpus/sofastack.tech > /tmp/h16-records.jsonl
  python3 scripts/draw-held-aside-targets.py /tmp/h16-records.jsonl [N] > /tmp/h16-draw45.jsonl
  python3 scripts/check-held-aside-targets.py   # offline target checks

Pool: extractor records with kind=weekly, followup false and a non-empty answer,
minus every pair already targeted by ../shared/gold/dev-queries.json (same post and
the same question by score-extract.py's similarity rule, >= 0.8). The pool is sorted
by (source, id) so the draw does not depend on the extractor's output order, then
shuffled with random.Random(SEED). The first N records of the shuffle (default 45),
skipping REJECTED (with reasons), are the targets; each gets a query style from STYLES
shuffled with random.Random(SEED + 1). Output: one JSON line per target, in draw order.
"""
import importlib.util
import json
import os
import random
import sys

SEED = 20261201
N = 45
# Drawn records replaced by the next ones in the shuffle: follow-ups the extractor did not flag
# (gold label followup=true where the post is in ../shared/gold/dev, else a question that only
# makes sense after the previous turn of the same thread).
REJECTED = {
    "16af29f3b85f856d": "follow-up (20200515 L57 '没有理解你说的公用 DB' answers the previous turn)",
    "5c3d9b56fcb4af80": "follow-up (20200515 L34 '对，sharding 合并分裂迁移' answers the previous turn)",
    "4cb25350b07a0aed": "gold followup=true (20220617 q [42, 42])",
    "5f6538d4130d30d2": "gold followup=true (20200313 q [59, 59])",
}
# Query styles in about the dev set's proportions, assigned to the drawn targets by a second
# seeded shuffle (not chosen per target).
STYLES = ["keywords"] * 12 + ["natural"] * 12 + ["english"] * 10 + ["typo"] * 6 + ["answer"] * 5

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
_spec = importlib.util.spec_from_file_location(
    "score_extract", os.path.join(SHARED, "tools", "score-extract.py"))
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)
CORPUS = os.path.join(SHARED, "corpus", "sofastack.tech")


def qnorm(text):
    return score.norm(score.strip_markdown(text or ""))


def dev_targets():
    dev = json.load(open(os.path.join(SHARED, "gold", "dev-queries.json"), encoding="utf-8"))
    out = []
    for x in dev:
        t = x["target"]
        out.append((t["file"], qnorm(score.lines(os.path.join(CORPUS, t["file"]), t["q"]))))
    return out


def main(argv):
    path = argv[0] if argv else "/tmp/h16-records.jsonl"
    n = int(argv[1]) if len(argv) > 1 else N
    recs = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    dev = dev_targets()
    pool, excluded = [], 0
    for r in recs:
        if r.get("kind") != "weekly" or r.get("followup") or not (r.get("answer") or "").strip():
            continue
        q = qnorm(r["question"])
        if any(score.same_post(r["source"], f) and score.sim(gq, q) >= 0.8 for f, gq in dev):
            excluded += 1
            continue
        pool.append(r)
    pool.sort(key=lambda r: (r["source"], r["id"]))
    order = list(pool)
    random.Random(SEED).shuffle(order)
    picked = [r for r in order if r["id"] not in REJECTED][:n]
    styles = list(STYLES)
    random.Random(SEED + 1).shuffle(styles)
    print(f"pool={len(pool)} excluded_dev={excluded} drawn={len(picked)} seed={SEED}", file=sys.stderr)
    for i, r in enumerate(picked):
        print(json.dumps({"rank": i, "style": styles[i] if i < len(styles) else None, "id": r["id"], "source": r["source"], "date": r["date"],
                          "projects": r["projects"], "question": r["question"],
                          "answer": r["answer"]}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
