#!/usr/bin/env python3
"""Sweep decideMatch thresholds over scripts/answerability-features.ts output.

usage: answerability-sweep.py FEATURES.json [--show]
Prints, per threshold set, abstain (no-answer sets: files with 'noanswer' in the name),
confident@5 and false_strong (answerable sets), as answerability.py computes them.
"""
import importlib.util, itertools, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOOLS = os.path.join(HERE, '..', '..', 'shared', 'tools')
spec = importlib.util.spec_from_file_location('relevance', os.path.join(TOOLS, 'relevance.py'))
rel = importlib.util.module_from_spec(spec); spec.loader.exec_module(rel)

rows = json.load(open(sys.argv[1]))
for r in rows:
    if r['target']:
        r['rank'] = rel.rank_of(r['hits'], r['target'], rel.gold_question(r['target']), False)

def strong(h, t):
    e = h['evidence']
    if e['rank'] >= t['maxRank'] or e['relativeScore'] < t['minRel']:
        return False
    need = t['minCovOther'] if e['projectNamed'] and not e['inNamedProject'] else t['minCov']
    return e['coverage'] >= need

def score(t, sets=None):
    out = {}
    for s in sorted({r['set'] for r in rows}):
        if sets and s not in sets: continue
        rs = [r for r in rows if r['set'] == s]
        if 'noanswer' in s:
            out[os.path.basename(s)] = ('abstain', sum(not any(strong(h, t) for h in r['hits']) for r in rs) / len(rs))
        else:
            conf = sum(1 for r in rs if r['rank'] and r['rank'] <= 5 and strong(r['hits'][r['rank'] - 1], t)) / len(rs)
            fs = sum(1 for r in rs if not (r['rank'] and r['rank'] <= 5) and r['hits'] and strong(r['hits'][0], t)) / len(rs)
            s5 = sum(1 for r in rs if r['rank'] and r['rank'] <= 5) / len(rs)
            out[os.path.basename(s)] = ('conf/fs/s5', round(conf, 3), round(fs, 3), round(s5, 3))
    return out

if '--show' in sys.argv:
    t = dict(minCov=float(sys.argv[3]), minCovOther=float(sys.argv[4]), minRel=float(sys.argv[5]), maxRank=int(sys.argv[6]))
    for r in rows:
        sh = [h for h in r['hits'] if strong(h, t)]
        if 'noanswer' in r['set'] and sh:
            print('NOANSWER STRONG', r['query'][:70], '->', sh[0]['question'][:50].replace('\n', ' '), sh[0]['evidence'])
        elif r['target'] and r['rank'] and r['rank'] <= 5 and not strong(r['hits'][r['rank'] - 1], t):
            print('WEAK TARGET', r['query'][:70], r['rank'], r['hits'][r['rank'] - 1]['evidence'])
    print(score(t))
    sys.exit(0)

for cov, other, minrel, maxrank in itertools.product([0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9], [None], [0.3, 0.5, 0.7], [3, 5, 10]):
    t = dict(minCov=cov, minCovOther=other or cov, minRel=minrel, maxRank=maxrank)
    print(t, score(t))
