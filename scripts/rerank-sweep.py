#!/usr/bin/env python3
"""Score rerank variants of the best 10 hits dumped by scripts/rerank-features.ts.

usage: [TOOLS=../shared/tools] rerank-sweep.py FEATURES.json
Per set: s@5, MRR@10 and, with the match rule, confident@5 / abstain, for each variant.
"""
import importlib.util, json, os, sys, collections
TOOLS = os.environ.get("TOOLS", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "tools"))
spec = importlib.util.spec_from_file_location("relevance", os.path.join(TOOLS, "relevance.py"))
rel = importlib.util.module_from_spec(spec); spec.loader.exec_module(rel)
rows = json.load(open(sys.argv[1]))
for row in rows:
    t = row["target"]
    row["gold"] = rel.gold_question(t) if t else None

def target_rank(row, hits):
    if not row["target"]: return None
    return rel.rank_of(hits, row["target"], row["gold"], False)

def evaluate(name, order, strong):
    """order(row) -> hits list; strong(row, hit, i, hits) -> bool"""
    by = collections.defaultdict(lambda: collections.Counter())
    for row in rows:
        hits = order(row)
        s = by[row["set"].split("/")[-1]]
        s["n"] += 1
        if row["target"]:
            r = target_rank(row, hits)
            s["s5"] += bool(r and r <= 5); s["mrr"] += 1 / r if r else 0
            s["conf"] += bool(r and r <= 5 and strong(row, hits[r - 1], r - 1, hits))
            s["fs"] += bool(hits and (not r or r > 5) and strong(row, hits[0], 0, hits))
        else:
            s["abst"] += not any(strong(row, h, i, hits) for i, h in enumerate(hits))
    out = []
    for k, s in by.items():
        n = s["n"]
        if "noanswer" in k: out.append(f"{k[:12]} abst={s['abst']/n:.3f}")
        else: out.append(f"{k[:12]} s5={s['s5']/n:.3f} mrr={s['mrr']/n:.3f} conf={s['conf']/n:.3f} fs={s['fs']/n:.3f}")
    print(f"== {name}\n   " + "\n   ".join(out))

base_order = lambda row: row["hits"]
base_strong = lambda row, h, i, hits: h.get("match") == "strong"
if __name__ == "__main__":
    evaluate("as served", base_order, base_strong)
