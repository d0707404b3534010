#!/usr/bin/env python3
"""Which labelled queries moved between two running services, and why (issue 11, twelfth pass).

usage: python3 scripts/compare-target-ranks.py BEFORE_URL AFTER_URL RECORDS.jsonl [QUERY_FILE...]

For every query of the sets (default: the sets of bench/measure-trust.sh), the target's rank and
match (strong/weak) on each service as ../shared/tools/relevance.py finds it (a hit whose
`source` is the target's post and whose question is the target's), then the rank counting a hit
whose `alsoIn` names a copy in the target's post as the target too (RECORDS.jsonl, the
extractor's output, gives each copy's post): a reader who finds the pair once, naming the other
post, has found it. Prints every query whose rank or match moved, and per set
s@5 / MRR@10 before, after, and after with copies.
"""
import glob
import importlib.util
import json
import os
import sys
import urllib.parse
import urllib.request

TOOLS = os.environ.get("TOOLS", "../shared/tools")
_spec = importlib.util.spec_from_file_location("relevance", os.path.join(TOOLS, "relevance.py"))
rel = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rel)
score = rel.score

DEFAULT_SETS = [os.path.join(TOOLS, "..", "gold", "dev-queries.json"), "scripts/relevance-extra-queries.json",
                "bench/queries/issue-titles.json", "bench/queries/faq-queries.json",
                *sorted(glob.glob("bench/queries/issue-titles-*.json"))]


def search(base, q):
    url = base.rstrip("/") + "/api/search?" + urllib.parse.urlencode({"q": q, "hitsPerPage": 10})
    with urllib.request.urlopen(url, timeout=30) as r:
        return json.load(r)["hits"]


def rank(hits, target, gq, sources, with_copies):
    for i, h in enumerate(hits):
        posts = [str(h.get("source", ""))]
        if with_copies:
            posts += [sources.get(c["id"], "") for c in h.get("alsoIn", [])]
        if not any(score.same_post(p.replace("\\", "/"), target["file"]) for p in posts):
            continue
        if score.sim(gq, score.norm(score.strip_markdown(str(h.get("question", ""))))) >= 0.8:
            return i + 1
    return None


def figures(ranks):
    n = len(ranks)
    return (sum(1 for r in ranks if r and r <= 5) / n, sum(1 / r for r in ranks if r) / n) if n else (0, 0)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    before, after, records = argv[:3]
    sources = {}
    with open(records, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                sources[r["id"]] = r["source"]
    for path in argv[3:] or DEFAULT_SETS:
        queries = json.load(open(path, encoding="utf-8"))
        rb, ra, rc = [], [], []
        for x in queries:
            gq = rel.gold_question(x["target"])
            hb, ha = search(before, x["query"]), search(after, x["query"])
            b, a, c = rank(hb, x["target"], gq, sources, False), rank(ha, x["target"], gq, sources, False), rank(ha, x["target"], gq, sources, True)
            mb = hb[b - 1].get("match") if b else "-"
            ma = ha[a - 1].get("match") if a else "-"
            mc = ha[c - 1].get("match") if c else "-"
            rb.append(b)
            ra.append(a)
            rc.append(c)
            if (b, mb) != (a, ma) or (a, ma) != (c, mc):
                print(f"  {os.path.basename(path)} #{x['id']}: {b} {mb} -> {a} {ma} (with copies {c} {mc})  {x['query'][:70]}")
        (sb, mrb), (sa, mra), (sc, mrc) = figures(rb), figures(ra), figures(rc)
        print(f"{os.path.basename(path):28} n={len(queries):3}  s@5 {sb:.3f} -> {sa:.3f} (copies {sc:.3f})  MRR@10 {mrb:.3f} -> {mra:.3f} (copies {mrc:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
