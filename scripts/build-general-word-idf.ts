/**
 * Build `src/data/general-word-idf.json`: the Chinese words of general language and how common
 * they are, from jieba's idf table (`idf.txt` of the `@node-rs/jieba` npm package, MIT; idf of
 * each word over a large general Chinese corpus). Only Han words below `MAX_IDF` are kept, in
 * one list per whole idf (`idf 4` holds the words of idf 4.0-4.99): rarer words count as
 * specific anyway (`getGeneralWordWeight`).
 *
 *   npm pack @node-rs/jieba@2.0.3 && tar xzf node-rs-jieba-2.0.3.tgz
 *   npx tsx scripts/build-general-word-idf.ts package/idf.txt
 */
import fs from 'node:fs';

/** `GENERAL_IDF_PIVOT` of src/search/general-word-weight.ts (not imported: that module reads the file this script writes). */
const MAX_IDF = 10;

const [input] = process.argv.slice(2);
if (!input) throw new Error('usage: build-general-word-idf.ts PATH/TO/idf.txt');
const lists = new Map<number, string[]>();
for (const line of fs.readFileSync(input, 'utf8').split('\n')) {
  const [word, value] = line.trim().split(/\s+/);
  const idf = Number(value);
  if (!word || !Number.isFinite(idf) || idf >= MAX_IDF || !/^\p{Script=Han}+$/u.test(word)) continue;
  const bucket = Math.floor(idf);
  lists.set(bucket, [...(lists.get(bucket) ?? []), word]);
}
const out: Record<string, string | string[]> = {
  $comment: 'Chinese words of general language by how common they are: each list holds the words whose idf over a large general Chinese corpus is that whole number (idf 4: 4.0-4.99; the lower, the more common). Made by scripts/build-general-word-idf.ts from idf.txt of the npm package @node-rs/jieba 2.0.3 (jieba\'s idf table, MIT licence); words of idf 10 and more are left out (they count as specific). Read by src/search/general-word-weight.ts.',
};
for (const bucket of [...lists.keys()].sort((a, b) => a - b)) out[`idf ${bucket}`] = lists.get(bucket)!.sort();
fs.writeFileSync(new URL('../src/data/general-word-idf.json', import.meta.url), `${JSON.stringify(out, null, 0).replace(/\],"/g, '],\n"')}\n`);
console.log([...lists.entries()].map(([k, v]) => `idf ${k}: ${v.length}`).join(', '));
