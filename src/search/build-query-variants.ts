import { encodeCjkBigram, getCjkBigrams } from './cjk-bigrams.ts';
import { getQueryTerms } from './get-query-terms.ts';
import { getTopicPhrases } from './get-topic-phrases.ts';
import { expandQueryTerms, findExpandableTerms } from './term-expansions.ts';

/**
 * The query variants one search sends to Meilisearch in a single multi-search, to be fused by
 * reciprocal rank (see `fuseRankedLists`). Each variant covers a weakness of the others:
 *
 * - `raw`: the query as typed, so exact phrasing and Meilisearch's own handling win when they can;
 * - `topic`: the query without question words and particles (`getTopicPhrases`), the variant
 *   that lets natural questions (`能不能…吗？`) match on their topic words;
 * - `translated`: the topic with English terms replaced by their Chinese equivalents
 *   (`TERM_EXPANSIONS`), for English queries over Chinese answers; only when a term was found;
 * - `bigrams`: the topic's Chinese character bigrams searched in the bigram fields (see
 *   `cjk-bigrams.ts`) together with its Latin words in the text fields, for words that
 *   Meilisearch would only match by prefix (`中心` in `注册中心`); split into several lists
 *   of at most `maxWords` words, since Meilisearch reads only the first ten words of a query.
 */

export type MatchingStrategy = 'last' | 'all' | 'frequency';

export type QueryVariantName = 'raw' | 'topic' | 'translated' | 'bigrams' | 'term';

/** One search of the multi-search. */
export interface QueryVariant {
  /** What the variant is, e.g. `topic` or `bigrams#2` (the second chunk). */
  name: string;
  kind: QueryVariantName;
  q: string;
  matchingStrategy: MatchingStrategy;
  /** Fields searched (a subset of the index's searchable attributes). */
  attributesToSearchOn: string[];
  /** Weight of the variant's list in the fusion. */
  weight: number;
}

/** How one kind of variant is searched. */
export interface VariantSpec {
  matchingStrategy: MatchingStrategy;
  weight: number;
}

export interface QueryVariantOptions {
  /** Text fields searched by the word variants, in ranking order. */
  textAttributes: readonly string[];
  /** Bigram fields (see `relevance-document.ts`); without them there is no `bigrams` variant. */
  bigramAttributes?: readonly string[];
  /** Variants to build and how; a kind left out is not built (default: `DEFAULT_VARIANT_SPECS`). */
  variants?: Partial<Record<QueryVariantName, VariantSpec>>;
  /** Most words per variant: Meilisearch ignores words after the tenth (default: 10). */
  maxWords?: number;
  /** Most `bigrams` chunks (default: 3). */
  maxBigramChunks?: number;
  /** Whether the `bigrams` variant also carries the topic's Latin words (default: true). */
  bigramsWithLatinWords?: boolean;
  /** Most `term` searches (one per Latin word or bigram of the query; default: 16). */
  maxTerms?: number;
}

/** The variants searched unless told otherwise, with the settings the relevance report supports. */
export const DEFAULT_VARIANT_SPECS: Readonly<Partial<Record<QueryVariantName, VariantSpec>>> = {
  raw: { matchingStrategy: 'last', weight: 1 },
  topic: { matchingStrategy: 'frequency', weight: 1 },
  translated: { matchingStrategy: 'frequency', weight: 1 },
  bigrams: { matchingStrategy: 'frequency', weight: 1 },
};

const LATIN_WORD = /[A-Za-z0-9][A-Za-z0-9._:/-]*/g;

/** Latin words (identifiers, numbers) of `text`, in order. */
function getLatinWords(text: string): string[] {
  return text.match(LATIN_WORD) ?? [];
}

/** `items` cut into consecutive chunks of at most `size`. */
function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * The variants to search for `query` (empty for a blank query). Variants whose text equals an
 * earlier variant's are left out, so a plain keyword query costs a single search.
 *
 * @throws {RangeError} when `maxWords` or `maxBigramChunks` is not a positive integer.
 */
export function buildQueryVariants(query: string, options: QueryVariantOptions): QueryVariant[] {
  const maxWords = options.maxWords ?? 10;
  const maxChunks = options.maxBigramChunks ?? 3;
  if (!Number.isInteger(maxWords) || maxWords < 1) throw new RangeError(`buildQueryVariants: maxWords must be a positive integer, got ${maxWords}`);
  if (!Number.isInteger(maxChunks) || maxChunks < 1) throw new RangeError(`buildQueryVariants: maxBigramChunks must be a positive integer, got ${maxChunks}`);
  const specs = options.variants ?? DEFAULT_VARIANT_SPECS;
  const text = query.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!text) return [];

  const variants: QueryVariant[] = [];
  const seen = new Set<string>();
  const add = (kind: QueryVariantName, name: string, q: string, attributes: readonly string[]) => {
    const spec = specs[kind];
    if (!spec || !q) return;
    const id = `${q}\u0000${spec.matchingStrategy}\u0000${attributes.join(',')}`;
    if (seen.has(id)) return;
    seen.add(id);
    variants.push({ name, kind, q, matchingStrategy: spec.matchingStrategy, attributesToSearchOn: [...attributes], weight: spec.weight });
  };

  const topic = getTopicPhrases(text).join(' ');
  add('raw', 'raw', text, options.textAttributes);
  add('topic', 'topic', topic, options.textAttributes);
  const translated = findExpandableTerms(topic).length > 0 ? expandQueryTerms(topic) : topic;
  if (translated !== topic) add('translated', 'translated', translated, options.textAttributes);

  const bigramAttributes = options.bigramAttributes ?? [];
  if (specs.bigrams && bigramAttributes.length > 0) {
    const bigrams = [...new Set(getCjkBigrams(translated))].map(encodeCjkBigram);
    if (bigrams.length > 0) {
      const latin = options.bigramsWithLatinWords === false ? [] : [...new Set(getLatinWords(translated))];
      // Latin words (project names, identifiers) are rare and telling: each chunk carries them.
      const room = Math.max(1, maxWords - Math.min(latin.length, Math.floor(maxWords / 2)));
      const latinKept = latin.slice(0, maxWords - room);
      const chunks = chunk(bigrams, room).slice(0, maxChunks);
      const attributes = latinKept.length > 0 ? [...options.textAttributes, ...bigramAttributes] : [...bigramAttributes];
      chunks.forEach((words, i) => {
        add('bigrams', chunks.length > 1 ? `bigrams#${i + 1}` : 'bigrams', [...latinKept, ...words].join(' '), attributes);
      });
    }
  }
  if (specs.term) {
    const terms = getQueryTerms(translated);
    const words = [...new Set([...terms.words, ...getQueryTerms(topic).words])];
    const maxTerms = options.maxTerms ?? 16;
    words.slice(0, maxTerms).forEach((word) => add('term', `term:${word}`, word, options.textAttributes));
    if (bigramAttributes.length > 0) {
      terms.bigrams.slice(0, Math.max(0, maxTerms - words.length)).forEach((bigram) => add('term', `term:${bigram}`, encodeCjkBigram(bigram), bigramAttributes));
    }
  }
  return variants;
}
