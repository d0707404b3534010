#!/bin/sh
# Every relevance and answerability figure of issue 11 for one running service, one line each.
# usage: sh bench/measure-trust.sh URL [EXTRA_ISSUE_TITLES EXTRA_NOANSWER]   (from the repository root)
# Start the service with SEARCH_RATE_LIMIT=0: the sets send about 730 searches within a minute or
# two, over the default limit (300 per minute per client), and every search answered 429 scores as a miss.
set -u
TOOLS=${TOOLS:-../shared/tools}
url=$1
printf 'dev            '; python3 "$TOOLS/relevance.py" api "$url" | tail -n 1
printf 'extra          '; python3 "$TOOLS/relevance.py" api "$url" --queries scripts/relevance-extra-queries.json | tail -n 1
printf 'issue-titles   '; python3 "$TOOLS/relevance.py" api "$url" --queries bench/queries/issue-titles.json | tail -n 1
printf 'faq            '; python3 "$TOOLS/relevance.py" api "$url" --queries bench/queries/faq-queries.json | tail -n 1
printf 'answer dev     '; python3 "$TOOLS/answerability.py" "$url" | tail -n 1
printf 'answer issues  '; python3 "$TOOLS/answerability.py" "$url" --answerable bench/queries/issue-titles.json --noanswer bench/queries/noanswer-issues.json | tail -n 1
# tuning set of issue 11's eighth pass (32 unanswered issue titles), paired with the answerable issue titles
if [ -f bench/queries/noanswer-issues-6.json ]; then
  printf 'answer issues-6 '; python3 "$TOOLS/answerability.py" "$url" --answerable bench/queries/issue-titles.json --noanswer bench/queries/noanswer-issues-6.json | tail -n 1
fi
for f in bench/queries/issue-titles-2.json bench/queries/issue-titles-check.json bench/queries/issue-titles-3.json; do
  [ -f "$f" ] || continue
  printf '%-19s' "$(basename "$f" .json)"; python3 "$TOOLS/relevance.py" api "$url" --queries "$f" | tail -n 1
  printf '%-19s' "  answer"; python3 "$TOOLS/answerability.py" "$url" --answerable "$f" --noanswer bench/queries/noanswer-issues.json | tail -n 1
done
# held aside with its own no-answer titles (issue 11, fifth pass): never tuned on
if [ -f bench/queries/issue-titles-4.json ]; then
  printf '%-19s' issue-titles-4; python3 "$TOOLS/relevance.py" api "$url" --queries bench/queries/issue-titles-4.json | tail -n 1
  printf '%-19s' "  answer"; python3 "$TOOLS/answerability.py" "$url" --answerable bench/queries/issue-titles-4.json --noanswer bench/queries/noanswer-issues-4.json | tail -n 1
fi
# held aside, built by issue 11's seventh pass before its tuning: never tuned on
if [ -f bench/queries/issue-titles-5.json ]; then
  printf '%-19s' issue-titles-5; python3 "$TOOLS/relevance.py" api "$url" --queries bench/queries/issue-titles-5.json | tail -n 1
  printf '%-19s' "  answer"; python3 "$TOOLS/answerability.py" "$url" --answerable bench/queries/issue-titles-5.json --noanswer bench/queries/noanswer-issues-5.json | tail -n 1
fi
# held aside, built blind (never searched) before issue 11's eleventh pass: never tuned on
if [ -f bench/queries/issue-titles-6.json ]; then
  printf '%-19s' issue-titles-6; python3 "$TOOLS/relevance.py" api "$url" --queries bench/queries/issue-titles-6.json | tail -n 1
  printf '%-19s' "  answer"; python3 "$TOOLS/answerability.py" "$url" --answerable bench/queries/issue-titles-6.json --noanswer bench/queries/noanswer-issues-7.json | tail -n 1
fi
# held aside: 45 staff queries of the dev set's styles on randomly drawn pairs, written blind (never searched) before being read once
if [ -f bench/queries/held-aside-answerable-1.json ]; then
  printf '%-19s' held-aside-1; python3 "$TOOLS/relevance.py" api "$url" --queries bench/queries/held-aside-answerable-1.json | tail -n 1
  printf '%-19s' "  answer"; python3 "$TOOLS/answerability.py" "$url" --answerable bench/queries/held-aside-answerable-1.json | tail -n 1
fi
