#!/usr/bin/env python3
"""How many labelled queries show the same pair twice in their top K (issue 11, twelfth pass).

usage: python3 scripts/count-copies-in-top.py URL [K] [QUERY_FILE...]
Reads each hit's `alsoIn` (copies=list, the default): a query counts when a hit of its top K
names another hit of its top K. Default sets: those of scripts/count-changed-lists.py.
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

base = sys.argv[1]
k = int(sys.argv[2]) if len(sys.argv) > 2 else 5
total = twice = 0
for path in sys.argv[3:] or SETS:
    for x in json.load(open(path, encoding="utf-8")):
        url = base.rstrip("/") + "/api/search?" + urllib.parse.urlencode({"q": x["query"], "hitsPerPage": k})
        with urllib.request.urlopen(url, timeout=30) as r:
            hits = json.load(r)["hits"]
        ids = {h["id"] for h in hits}
        total += 1
        pairs = [(i + 1, h["question"][:40]) for i, h in enumerate(hits) if any(c["id"] in ids for c in h.get("alsoIn", []))]
        if pairs:
            twice += 1
            print(f"  {os.path.basename(path)} #{x['id']} {x['query'][:50]!r}: ranks {[p[0] for p in pairs]} {pairs[0][1]!r}")
print(f"queries with the same pair twice in their top {k}: {twice} of {total}")
