#!/usr/bin/env python3
"""How many queries' top-k lists differ between two running services (issue 11, twelfth pass).

usage: python3 scripts/count-changed-lists.py BEFORE_URL AFTER_URL [K] [QUERY_FILE...]
Default sets: every query of bench/measure-trust.sh's sets, answerable and no-answer. Prints per
set the queries whose top K ids (order included) or first hit changed, and a few examples.
"""
import glob
import json
import os
import sys
import urllib.parse
import urllib.request

TOOLS = os.environ.get("TOOLS", "../shared/tools")
SETS = [os.path.join(TOOLS, "..", "gold", "dev-queries.json"), os.path.join(TOOLS, "..", "gold", "dev-queries-noanswer.json"),
        "scripts/relevance-extra-queries.json", *sorted(glob.glob("bench/queries/*.json"))]


def top(base, q, k):
    url = base.rstrip("/") + "/api/search?" + urllib.parse.urlencode({"q": q, "hitsPerPage": k})
    with urllib.request.urlopen(url, timeout=30) as r:
        return [(h["id"], h["match"], h["question"][:40]) for h in json.load(r)["hits"]]


def main(argv):
    before, after = argv[0], argv[1]
    k = int(argv[2]) if len(argv) > 2 else 5
    total = changed_all = first_all = 0
    for path in argv[3:] or SETS:
        queries = json.load(open(path, encoding="utf-8"))
        changed = first = 0
        for x in queries:
            b, a = top(before, x["query"], k), top(after, x["query"], k)
            if b != a:
                changed += 1
                if b[:1] != a[:1]:
                    first += 1
                    print(f"  {os.path.basename(path)} #{x['id']} {x['query'][:50]!r}: first {b[0][2] if b else '-'!r} -> {a[0][2] if a else '-'!r}")
        total += len(queries)
        changed_all += changed
        first_all += first
        print(f"{os.path.basename(path):30} n={len(queries):3} top-{k} changed {changed:3} first hit changed {first:3}")
    print(f"all: n={total} top-{k} changed {changed_all} first hit changed {first_all}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
