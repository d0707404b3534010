#!/usr/bin/env python3
"""Dump a running service's ranked hits for labelled query sets (for scripts/semantic-score.py).

usage: dump-service-hits.py BASE_URL OUT.json SET.json...

For each query: GET /api/search?q=...&hitsPerPage=20, keeping each hit's id, question, source,
match and score, in rank order.
"""
import json
import sys
import urllib.parse
import urllib.request


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    base, out, sets = argv[0], argv[1], argv[2:]
    dump = {}
    for path in sets:
        rows = []
        for x in json.load(open(path, encoding="utf-8")):
            url = base.rstrip("/") + "/api/search?" + urllib.parse.urlencode({"q": x["query"], "hitsPerPage": 20})
            with urllib.request.urlopen(url, timeout=30) as r:
                body = json.load(r)
            hits = [{k: h.get(k) for k in ("id", "question", "source", "match", "score")} for h in body["hits"]]
            rows.append({"id": x["id"], "hits": hits, "detectedProjects": body.get("detectedProjects")})
        dump[path] = rows
        print(f"{path}: {len(rows)} queries", file=sys.stderr)
    json.dump(dump, open(out, "w", encoding="utf-8"), ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
