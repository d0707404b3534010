#!/usr/bin/env python3
"""Scores sentence-embedding retrieval and its fusion with the service (issue 11's semantic pass).

usage: semantic-score.py SEMANTIC.json SERVICE.json [--variant FIELD/QUERY]
                         [--answerable A.json,B.json] [--noanswer C.json,D.json]

SEMANTIC.json is scripts/semantic-eval.ts's dump (every query-record cosine), SERVICE.json
scripts/dump-service-hits.py's (the service's ranked hits, 20 a query). Targets are matched
as ../shared/tools/relevance.py does. Prints, for each record/query variant:
- embedding only: s@1, s@5, MRR@10 per answerable set and per style;
- separation: the best hit's cosine at the threshold that keeps abstain >= 0.80 on the pooled
  no-answer sets, and the share of answerable queries whose target is in the top 5 above it;
then, for --variant (default qa/raw): how many targets each ranking finds in its top 5 that the
other misses; reciprocal-rank fusion with the service's ranking (always, and only for queries
without a strong hit); the service's top 10 reordered by position + lambda x cosine; and the
strong decisions "lexical strong OR cosine >= t" and "lexical strong AND cosine >= t".
--answerable / --noanswer replace the tuning sets (for the held-aside check, read once).
"""
import importlib.util
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOOLS = os.path.join(HERE, "..", "..", "shared", "tools")
_spec = importlib.util.spec_from_file_location("relevance", os.path.join(TOOLS, "relevance.py"))
rel = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rel)

ANSWERABLE = ["../shared/gold/dev-queries.json", "bench/queries/issue-titles.json", "scripts/relevance-extra-queries.json"]
NOANSWER = ["../shared/gold/dev-queries-noanswer.json", "bench/queries/noanswer-issues.json", "bench/queries/noanswer-issues-6.json"]


def load(path):
    return json.load(open(path, encoding="utf-8"))


def option(argv, name, default):
    if name in argv:
        i = argv.index(name)
        v = argv[i + 1]
        del argv[i:i + 2]
        return v
    return default


class Target:
    """A query's target, matched against records once (rank_of's rule)."""

    def __init__(self, query, records):
        gq = rel.gold_question(query["target"])
        self.ids = {r["id"] for r in records if rel.rank_of([r], query["target"], gq, False) == 1}

    def rank(self, ids, k=10):
        for i, x in enumerate(ids[:k]):
            if x in self.ids:
                return i + 1
        return None


def summary(ranks):
    n = len(ranks)
    s1 = sum(1 for r in ranks if r and r <= 1) / n
    s5 = sum(1 for r in ranks if r and r <= 5) / n
    mrr = sum(1 / r for r in ranks if r) / n
    return f"s@1={s1:.3f} s@5={s5:.3f} mrr={mrr:.3f} n={n}"


def rrf(lists, weights, k=60, depth=20):
    score = {}
    for ids, w in zip(lists, weights):
        for i, x in enumerate(ids[:depth]):
            score[x] = score.get(x, 0) + w / (k + i + 1)
    return sorted(score, key=lambda x: -score[x])


def main(argv):
    global ANSWERABLE, NOANSWER
    argv = list(argv)
    variant = option(argv, "--variant", "qa/raw")
    ANSWERABLE = option(argv, "--answerable", ",".join(ANSWERABLE)).split(",")
    NOANSWER = option(argv, "--noanswer", ",".join(NOANSWER)).split(",")
    sem, service = load(argv[0]), load(argv[1])
    records = sem["records"]
    ids = [r["id"] for r in records]
    queries = {s: load(s) for s in ANSWERABLE + NOANSWER}
    targets = {(s, str(q["id"])): Target(q, records) for s in ANSWERABLE for q in queries[s]}
    print(f"model {sem['modelId']}; cost {json.dumps(sem['cost'])}")

    def ranked(key, s, qid):
        cos = sem["cosines"][key][s][qid]
        order = sorted(range(len(cos)), key=lambda i: -cos[i])[:20]
        return [ids[i] for i in order], {ids[i]: cos[i] for i in range(len(cos))}

    for key in sorted(sem["cosines"]):
        print(f"\n== embedding only, records/queries = {key}")
        pooled = []
        for s in ANSWERABLE:
            ranks, by_style = [], {}
            for q in queries[s]:
                order, _ = ranked(key, s, str(q["id"]))
                r = targets[(s, str(q["id"]))].rank(order)
                ranks.append(r)
                by_style.setdefault(q.get("style"), []).append(r)
            pooled += ranks
            styles = " ".join(f"{st}={sum(1 for r in v if r and r <= 5) / len(v):.2f}" for st, v in sorted(by_style.items(), key=lambda x: str(x[0])))
            print(f"  {os.path.basename(s):28s} {summary(ranks)}  s@5 by style: {styles}")
        best_no = sorted(max(sem["cosines"][key][s][str(q["id"])]) for s in NOANSWER for q in queries[s])
        t = best_no[int(len(best_no) * 0.8)]  # abstain = share below t >= 0.80
        for s in ANSWERABLE:
            conf = []
            for q in queries[s]:
                order, cos = ranked(key, s, str(q["id"]))
                r = targets[(s, str(q["id"]))].rank(order, 5)
                conf.append(bool(r) and cos[order[r - 1]] >= t)
            print(f"  separation t={t:.3f} (abstain {sum(1 for c in best_no if c < t) / len(best_no):.3f}): {os.path.basename(s)} target in top 5 above t = {sum(conf) / len(conf):.3f}")

    svc = {s: {str(r["id"]): r for r in service[s]} for s in service}
    print(f"\n== targets in the top 5, variant {variant}: both / service only / embedding only / neither")
    for s in ANSWERABLE:
        counts = [0, 0, 0, 0]
        for q in queries[s]:
            t = targets[(s, str(q["id"]))]
            lex = bool(t.rank([h["id"] for h in svc[s][str(q["id"])]["hits"]], 5))
            emb = bool(t.rank(ranked(variant, s, str(q["id"]))[0], 5))
            counts[0 if lex and emb else 1 if lex else 2 if emb else 3] += 1
        print(f"  {os.path.basename(s):28s} {counts[0]} / {counts[1]} / {counts[2]} / {counts[3]}")

    def fused_figures(fuse):
        line = []
        for s in ANSWERABLE:
            ranks = []
            for q in queries[s]:
                order, cos = ranked(variant, s, str(q["id"]))
                ranks.append(targets[(s, str(q["id"]))].rank(fuse(svc[s][str(q["id"])]["hits"], order, cos)))
            line.append(f"{os.path.basename(s)[:12]} {summary(ranks)}")
        return " | ".join(line)

    print(f"\n== fusion with the service, variant {variant}")
    for w in (0, 0.25, 0.5, 1.0):
        print(f"  rrf w_sem={w:<4} " + fused_figures(lambda hits, order, cos: rrf([[h["id"] for h in hits], order], [1, w])))
    for w in (0.25, 0.5, 1.0):
        weak_only = lambda hits, order, cos: [h["id"] for h in hits] if any(h["match"] == "strong" for h in hits[:10]) else rrf([[h["id"] for h in hits], order], [1, w])  # noqa: E731
        print(f"  rrf when no strong hit, w_sem={w:<4} " + fused_figures(weak_only))
    for lam in (0.5, 1, 2, 3):
        def rerank(hits, order, cos, lam=lam, depth=10):
            head = hits[:depth]
            score = {h["id"]: -i / len(head) + lam * cos[h["id"]] for i, h in enumerate(head)}
            return sorted(score, key=lambda x: -score[x]) + [h["id"] for h in hits[depth:]]
        print(f"  top 10 by position + {lam} x cosine " + fused_figures(rerank))

    print(f"\n== strong decisions on the service's ranking, variant {variant}")

    def decide(rule, t):
        out = {}
        for s in NOANSWER:
            ab = []
            for q in queries[s]:
                hits = svc[s][str(q["id"])]["hits"][:10]
                _, cos = ranked(variant, s, str(q["id"]))
                ab.append(not any(rule(h["match"] == "strong", cos[h["id"]], t) for h in hits))
            out[s] = sum(ab) / len(ab)
        for s in ANSWERABLE:
            conf, fs = [], []
            for q in queries[s]:
                hits = svc[s][str(q["id"])]["hits"][:10]
                _, cos = ranked(variant, s, str(q["id"]))
                strong = [rule(h["match"] == "strong", cos[h["id"]], t) for h in hits]
                r = targets[(s, str(q["id"]))].rank([h["id"] for h in hits], 5)
                conf.append(bool(r) and strong[r - 1])
                fs.append(not r and bool(hits) and strong[0])
            out[s] = (sum(conf) / len(conf), sum(fs) / len(fs))
        return out

    rules = {"lexical": lambda lx, c, t: lx, "OR": lambda lx, c, t: lx or c >= t, "AND": lambda lx, c, t: lx and c >= t}
    for name, rule in rules.items():
        for t in ([0] if name == "lexical" else [0.60, 0.65, 0.70, 0.72, 0.74, 0.76, 0.78, 0.80, 0.82, 0.85]):
            o = decide(rule, t)
            na = " ".join(f"{os.path.basename(s)[:16]}={o[s]:.3f}" for s in NOANSWER)
            pooled_n = sum(len(queries[s]) for s in NOANSWER)
            pooled = sum(o[s] * len(queries[s]) for s in NOANSWER) / pooled_n
            an = " ".join(f"{os.path.basename(s)[:12]} conf@5={o[s][0]:.3f} fs={o[s][1]:.3f}" for s in ANSWERABLE)
            print(f"  {name:7s} t={t:.2f}  abstain {na} pooled={pooled:.3f} | {an}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
