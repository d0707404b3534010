#!/usr/bin/env python3
"""Every relevance and answerability figure of issue 11 from a dump of scripts/answerability-features.ts,
as relevance.py and answerability.py compute them on the service (same matching rule, the dump's own
strong/weak). Lets a change of src/search be scored in process, without a rebuild and restart.

usage: trust-score.py DUMP.json [--held] [--show SET]
Held-aside sets (issue-titles-3, issue-titles-check, issue-titles-4, noanswer-issues-4, issue-titles-5, noanswer-issues-5,
issue-titles-6, noanswer-issues-7) are printed
only with --held: read them before and after a change, never while tuning.
noanswer-issues-6 (issue 11, eighth pass) is a tuning set: 32 unanswered issue titles, paired with the
answerable bench/queries/issue-titles.json (measure-trust.sh's `answer issues-6` line); the last line pools
abstain over the tuning no-answer sets.
"""
import importlib.util, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOOLS = os.path.join(HERE, '..', '..', 'shared', 'tools')
spec = importlib.util.spec_from_file_location('relevance', os.path.join(TOOLS, 'relevance.py'))
rel = importlib.util.module_from_spec(spec); spec.loader.exec_module(rel)
HELD = ('issue-titles-3', 'issue-titles-check', 'issue-titles-4', 'noanswer-issues-4', 'issue-titles-5', 'noanswer-issues-5', 'issue-titles-6', 'noanswer-issues-7')

rows = json.load(open(sys.argv[1]))
held = '--held' in sys.argv
show = sys.argv[sys.argv.index('--show') + 1] if '--show' in sys.argv else None
for r in rows:
    r['rank'] = rel.rank_of(r['hits'], r['target'], rel.gold_question(r['target']), False) if r['target'] else None
strong = lambda h: h.get('match') == 'strong'
TUNING_NOANSWER = ('dev-queries-noanswer', 'noanswer-issues', 'noanswer-issues-6')
pooled = [r for r in rows if os.path.basename(r['set'])[:-5] in TUNING_NOANSWER]
for s in dict.fromkeys(r['set'] for r in rows):
    name = os.path.basename(s)[:-5]
    if any(name == h for h in HELD) and not held: continue
    rs = [r for r in rows if r['set'] == s]
    n = len(rs)
    if 'noanswer' in name:
        ab = sum(not any(strong(h) for h in r['hits']) for r in rs) / n
        print(f'{name:22} abstain={ab:.3f} n={n}')
        if show == name:
            for r in rs:
                sh = [h for h in r['hits'] if strong(h)]
                if sh: print('   STRONG', r['query'][:60], '->', sh[0]['question'][:50].replace('\n', ' '), sh[0]['score'])
        continue
    ranks = [r['rank'] for r in rs]
    s1 = sum(1 for k in ranks if k == 1) / n
    s5 = sum(1 for k in ranks if k and k <= 5) / n
    mrr = sum(1 / k for k in ranks if k and k <= 10) / n
    conf = sum(1 for r in rs if r['rank'] and r['rank'] <= 5 and strong(r['hits'][r['rank'] - 1])) / n
    fs = sum(1 for r in rs if not (r['rank'] and r['rank'] <= 5) and r['hits'] and strong(r['hits'][0])) / n
    print(f'{name:22} s@1={s1:.3f} s@5={s5:.3f} mrr={mrr:.3f} conf@5={conf:.3f} fs={fs:.3f} n={n}')
    if show == name:
        for r in rs:
            k = r['rank']
            if not k or k > 1 or not strong(r['hits'][k - 1]):
                h = r['hits'][k - 1] if k else None
                print(f"   rank={k} {'strong' if h and strong(h) else 'weak'} score={h['score'] if h else '-'} {r['query'][:70]}")
if pooled:
    print(f"{'tuning no-answer':22} abstain={sum(not any(strong(h) for h in r['hits']) for r in pooled) / len(pooled):.3f} n={len(pooled)}")
