#!/usr/bin/env python3
"""Wall time of GET /api/search on several running services, query by query in alternating order
(issue 11, twelfth pass: the copy key the term searches now read). Every query of the sets of
scripts/count-changed-lists.py, two rounds, 10 hits.

usage: python3 scripts/compare-search-latency.py URL [URL...]
"""
import glob
import json
import os
import statistics
import sys
import time
import urllib.parse
import urllib.request

GOLD = os.path.join(os.environ.get("TOOLS", "../shared/tools"), "..", "gold")
sets=[os.path.join(GOLD, 'dev-queries.json'), os.path.join(GOLD, 'dev-queries-noanswer.json'),'scripts/relevance-extra-queries.json',*sorted(glob.glob('bench/queries/*.json'))]
qs=[x['query'] for s in sets for x in json.load(open(s))]
bases=sys.argv[1:]
t={b:[] for b in bases}
for rnd in range(2):
    for i,q in enumerate(qs):
        order=bases if (i+rnd)%2==0 else bases[::-1]
        for b in order:
            u=b+'/api/search?'+urllib.parse.urlencode({'q':q,'hitsPerPage':10})
            s=time.perf_counter(); urllib.request.urlopen(u).read(); t[b].append((time.perf_counter()-s)*1000)
for b in bases: print(b, 'n',len(t[b]),'p50 %.1f ms'%statistics.median(t[b]), 'p90 %.1f'%statistics.quantiles(t[b],n=10)[8], 'mean %.1f'%statistics.mean(t[b]))
