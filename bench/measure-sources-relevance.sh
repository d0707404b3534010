#!/bin/sh
# Relevance and answerability of two running services side by side (issue 14: FAQ records must
# not push weekly answers down), on every query set: the dev queries, the extra queries, the
# issue titles, the FAQ-only queries (bench/queries/faq-queries.json) and the no-answer sets.
# usage: sh bench/measure-sources-relevance.sh BEFORE_URL AFTER_URL   (from the repository root)
# Start the services with SEARCH_RATE_LIMIT=0: each is sent several hundred searches within a minute or
# two, over the default limit (300 per minute per client), and every search answered 429 scores as a miss.
set -u
TOOLS=${TOOLS:-../shared/tools}
for url in "$1" "$2"; do
  echo "== $url"
  printf 'dev          '; python3 "$TOOLS/relevance.py" api "$url" | tail -n 1
  printf 'extra        '; python3 "$TOOLS/relevance.py" api "$url" --queries scripts/relevance-extra-queries.json | tail -n 1
  printf 'issue-titles '; python3 "$TOOLS/relevance.py" api "$url" --queries bench/queries/issue-titles.json | tail -n 1
  printf 'faq          '; python3 "$TOOLS/relevance.py" api "$url" --queries bench/queries/faq-queries.json | tail -n 1
  printf 'answerability         '; python3 "$TOOLS/answerability.py" "$url" | tail -n 1
  printf 'answerability issues  '; python3 "$TOOLS/answerability.py" "$url" --noanswer bench/queries/noanswer-issues.json | tail -n 1
done
