/**
 * Word associations learned from the whole docs site (issue 11, eleventh pass): the normalised
 * pointwise mutual information of two words in one sentence, over every markdown page of a
 * docs-site checkout (blog posts, weekly posts, FAQ and project pages), restricted to the words
 * the Q/A records use. The third pass learned them from the 799 Q/A records alone (topic words and
 * accidents of two or three records); a 6 MB site has more sentences to tell a paraphrase by.
 * Written as JSON { term: [{ text, weight }] } for `answerability-features.ts`'s ASSOCIATIONS_FILE.
 *
 *   npx tsx scripts/build-site-associations.ts SITE RECORDS.jsonl OUT.json [--min-count 5] [--min-npmi 0.35] [--per-term 2] [--weight 0.3] [--unit sentence|paragraph] [--subwords]
 *
 * `--second-order MIN_COSINE` replaces the sentence PMI by distributional similarity: two words whose
 * sentences hold the same other words (cosine of their positive-PMI vectors, each cut to its 100 best
 * features), which pairs words used alike (`降级` and `熔断`) rather than words used together.
 *
 * `--rare-sources N` learns associations for the words the Q/A holds in at most N records, the site's
 * other words included (a user's `成熟度` the weekly never writes), towards words of 3+ records: the
 * vocabulary gap the larger text could bridge, leaving the words the Q/A already matches alone.
 *
 * `--subwords` adds, for a Latin word of 4+ letters, the Q/A's longer Latin words that end with it (`feign` -> `openfeign`), which Meilisearch's prefix search cannot reach from the end.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getQueryTerms } from '../src/search/get-query-terms.ts';
import { getEnglishGeneralWeight, loadGeneralWordIdf } from '../src/search/general-word-weight.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'min-count': { type: 'string', default: '5' },
    'min-npmi': { type: 'string', default: '0.35' },
    'per-term': { type: 'string', default: '2' },
    weight: { type: 'string', default: '0.3' },
    unit: { type: 'string', default: 'sentence' },
    subwords: { type: 'boolean', default: false },
    'rare-sources': { type: 'string' },
    'second-order': { type: 'string' },
  },
});
const [site, recordsFile, out] = positionals;
if (!site || !recordsFile || !out) throw new Error('usage: build-site-associations.ts SITE RECORDS.jsonl OUT.json [options]');
const minCount = Number(values['min-count']);
const minNpmi = Number(values['min-npmi']);
const perTerm = Number(values['per-term']);
const weight = Number(values.weight);

/** The words of a text as query terms, lower-cased: Latin words of 2+ letters, Chinese words of 2+ characters. */
function getWords(text: string): Set<string> {
  return new Set(getQueryTerms(text).filter((term) => [...term.text].length >= 2 && !/^\d+$/.test(term.text)).map((term) => term.text.toLowerCase()));
}

async function* markdownFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* markdownFiles(full);
    else if (entry.name.endsWith('.md')) yield full;
  }
}

/** A page's prose: no front matter, code, HTML tags, link targets or images. */
function prose(markdown: string): string {
  return markdown
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/```[\s\S]*?```/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\]\([^)]*\)/g, '] ')
    .replace(/https?:\/\/\S+/g, ' ');
}

const records = (await fs.readFile(recordsFile, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as { question: string; answer: string });
// Chinese words jieba's dictionary knows: ICU cuts fragments (`式高`, `里锤炼`) out of repeated sentences
const dictionary = loadGeneralWordIdf();
const isKnown = (word: string) => !/\p{Script=Han}/u.test(word) || dictionary.has(word);
const recordFrequency = new Map<string, number>();
for (const record of records) {
  for (const word of getWords(`${record.question}\n${record.answer}`)) if (isKnown(word)) recordFrequency.set(word, (recordFrequency.get(word) ?? 0) + 1);
}
const rareSources = values['rare-sources'] === undefined ? undefined : Number(values['rare-sources']);
// the words associations lead to (searched, so the Q/A's), and the words they are learned for
const vocabulary = new Set(rareSources === undefined ? recordFrequency.keys() : [...recordFrequency].filter(([, n]) => n >= 3).map(([word]) => word));
const isSource = (word: string) => (rareSources === undefined ? vocabulary.has(word) : (recordFrequency.get(word) ?? 0) <= rareSources && isKnown(word));

const frequency = new Map<string, number>();
const together = new Map<string, Map<string, number>>();
let units = 0;
// every weekly post repeats the same introduction and footer: each distinct sentence counts once
const seen = new Set<string>();
for await (const file of markdownFiles(path.join(site, 'content'))) {
  const text = prose(await fs.readFile(file, 'utf8'));
  const parts = values.unit === 'paragraph' ? text.split(/\n\s*\n/) : text.split(/[。！？!?；;\n]+|\.\s+/);
  for (const part of parts) {
    const key = part.trim();
    if (key.length < 4 || seen.has(key)) continue;
    seen.add(key);
    const all = [...getWords(part.slice(0, 600))];
    const words = all.filter((word) => vocabulary.has(word));
    const sources = all.filter(isSource);
    if (words.length === 0 && sources.length === 0) continue;
    units += 1;
    for (const word of new Set([...words, ...sources])) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    for (const t of new Set([...words, ...sources])) {
      const row = together.get(t) ?? new Map<string, number>();
      for (const u of words) if (u !== t) row.set(u, (row.get(u) ?? 0) + 1);
      together.set(t, row);
    }
  }
}

const associations: Record<string, { text: string; weight: number; npmi: number; count: number }[]> = {};
if (values['second-order']) secondOrder(Number(values['second-order']));
else for (const [t, row] of together) {
  if (!isSource(t)) continue;
  const best = [...row]
    .filter(([, count]) => count >= minCount)
    .map(([u, count]) => {
      const pmi = Math.log((count * units) / ((frequency.get(t) ?? 1) * (frequency.get(u) ?? 1)));
      return { text: u, weight, npmi: pmi / -Math.log(count / units), count };
    })
    .filter(({ npmi }) => npmi >= minNpmi)
    .sort((a, b) => b.npmi - a.npmi)
    .slice(0, perTerm);
  if (best.length > 0) associations[t] = best.map((entry) => ({ ...entry, npmi: Math.round(entry.npmi * 1000) / 1000 }));
}
/** Neighbours by the cosine of positive-PMI context vectors (numeric ids and typed arrays: ~6,000 words). */
function secondOrder(minCosine: number): void {
  const words = [...frequency].filter(([word, f]) => f >= minCount && (vocabulary.has(word) || isSource(word))).map(([word]) => word);
  const id = new Map(words.map((word, i) => [word, i]));
  const vectors: { feature: number; value: number }[][] = words.map((t) => {
    const row = together.get(t) ?? new Map<string, number>();
    return [...row]
      .filter(([u, count]) => count >= 2 && id.has(u))
      .map(([u, count]) => ({ feature: id.get(u)!, value: Math.log((count * units) / ((frequency.get(t) ?? 1) * (frequency.get(u) ?? 1))) }))
      .filter(({ value }) => value > 0)
      .sort((a, b) => b.value - a.value)
      .slice(0, 100);
  });
  const norms = vectors.map((vector) => Math.sqrt(vector.reduce((sum, { value }) => sum + value * value, 0)));
  const postings: { word: number; value: number }[][] = words.map(() => []);
  vectors.forEach((vector, word) => { for (const { feature, value } of vector) postings[feature]!.push({ word, value }); });
  const dot = new Float64Array(words.length);
  vectors.forEach((vector, t) => {
    if (!isSource(words[t]!)) return;
    dot.fill(0);
    for (const { feature, value } of vector) for (const { word, value: other } of postings[feature]!) dot[word] = (dot[word] ?? 0) + value * other;
    const best: { text: string; weight: number; npmi: number; count: number }[] = [];
    dot.forEach((d, u) => {
      if (u === t || d === 0 || !vocabulary.has(words[u]!)) return;
      const cosine = d / (norms[t]! * norms[u]!);
      if (cosine >= minCosine) best.push({ text: words[u]!, weight, npmi: Math.round(cosine * 1000) / 1000, count: frequency.get(words[u]!) ?? 0 });
    });
    best.sort((a, b) => b.npmi - a.npmi);
    if (best.length > 0) associations[words[t]!] = best.slice(0, perTerm);
  });
}

if (values.subwords) {
  const latin = [...vocabulary].filter((word) => /^[a-z][a-z0-9]*$/.test(word));
  for (const word of latin) {
    // `error`, `file`, `code` end many identifiers and are no paraphrase of them
    if (word.length < 4 || getEnglishGeneralWeight({ text: word, script: 'latin' }) < 1) continue;
    // a one-word search already finds words starting with it (Meilisearch's prefix search)
    const found = latin.filter((other) => other.length >= word.length + 2 && other.endsWith(word)).slice(0, perTerm);
    if (found.length > 0) associations[word] = [...(associations[word] ?? []), ...found.map((text) => ({ text, weight, npmi: 0, count: 0 }))];
  }
}
await fs.writeFile(out, JSON.stringify(associations, null, 1));
console.log(`${units} ${values.unit}s, ${vocabulary.size} Q/A words, ${Object.keys(associations).length} terms with associations -> ${out}`);
