/**
 * Build `src/data/english-general-words.json`: English words of general language (function words,
 * common verbs and adverbs: `show`, `using`, `cannot`, `latest`), from the English list of the
 * npm package `stopwords-iso` 1.1.0 (MIT; collected from several stop-word lists). In a mostly
 * Chinese corpus such words are rare, so their corpus idf ranks them with the technical words a
 * question is about (`endpoint`, `zookeeper`); `getEnglishGeneralWeight` searches them with less
 * weight. Words of letters and apostrophes only, of three letters or more (the shorter ones are
 * mostly country codes, and a short lower-case word in a technical question is mostly an acronym:
 * `tc`, `tm`, `io`, `go`; the short function words are query stop words anyway), and none that the
 * domain glossary translates (`src/data/term-expansions.yaml`: `group`, `state`, `call`, `test`):
 * there they are the topic.
 *
 *   npm pack stopwords-iso@1.1.0 && tar xzf stopwords-iso-1.1.0.tgz
 *   npx tsx scripts/build-english-general-words.ts package/stopwords-iso.json
 */
import fs from 'node:fs';
import { parse } from 'yaml';

const [input] = process.argv.slice(2);
if (!input) throw new Error('usage: build-english-general-words.ts PATH/TO/stopwords-iso.json');
const { en } = JSON.parse(fs.readFileSync(input, 'utf8')) as { en: string[] };
const glossary = new Set(Object.keys(parse(fs.readFileSync(new URL('../src/data/term-expansions.yaml', import.meta.url), 'utf8')) as Record<string, unknown>));
const words = [...new Set(en.map((word) => word.trim().toLowerCase()).filter((word) => /^[a-z][a-z']{2,}$/.test(word) && !glossary.has(word)))].sort();
const out = {
  $comment: 'English words of general language: the English list ("en") of the npm package stopwords-iso 1.1.0 (MIT licence), words of three or more letters and apostrophes, lower case, less the words the domain glossary (term-expansions.yaml) translates. Made by scripts/build-english-general-words.ts. Read by src/search/general-word-weight.ts: such a word is searched with less weight (it is rare in this mostly Chinese corpus, so its idf alone would rank it with the technical words).',
  english: words,
};
fs.writeFileSync(new URL('../src/data/english-general-words.json', import.meta.url), `${JSON.stringify(out, null, 0).replace(/","/g, '", "')}\n`);
console.log(`${words.length} words`);
