import { encodeCjkBigram, getCjkBigrams } from './cjk-bigrams.ts';
import { getQueryTerms, type QueryTerm } from './get-query-terms.ts';
import { getTopicPhrases } from './get-topic-phrases.ts';
import { THESAURUS_SEARCH_WEIGHT } from './domain-thesaurus.ts';
import { getEnglishGeneralWeight } from './general-word-weight.ts';

/**
 * The searches one query becomes, all sent in a single multi-search (see `searchQa`).
 *
 * Two families:
 *
 * - **Whole-query variants**, each ranked by Meilisearch and fused by reciprocal rank
 *   (`fuseRankedLists`): `raw` (the query as typed), `topic` (without question words and
 *   particles, `getTopicPhrases`) and `bigrams` (the topic's Chinese bigrams in the bigram
 *   fields). They reward documents matching the query's words together and close to each other.
 * - **Term searches**, one group per query term (`getQueryTerms`): a Latin word; a Chinese
 *   word, as itself or by any of its bigrams (`hanTerms`); an English glossary term, as itself
 *   or by its Chinese equivalents. Searches of one group are alternatives. Optionally `joint`
 *   bigrams across two Chinese words and `pair` searches of two neighbouring terms. Their hits are combined into one list by idf-weighted scores
 *   (`rankByTermScores`): a document matching any term is a candidate, which Meilisearch's own
 *   matching strategies cannot do (`last` never drops the first word, `frequency` never the rarest).
 *
 * Meilisearch reads only the first ten words of a query; whole-query variants are cut there.
 */

export type MatchingStrategy = 'last' | 'all' | 'frequency';

export type QueryVariantName = 'raw' | 'topic' | 'bigrams' | 'term' | 'joint' | 'pair';

/** One search of the multi-search. */
export interface QueryVariant {
  /** What the search is, e.g. `topic`, `term:注册`, `pair:commit index`. */
  name: string;
  kind: QueryVariantName;
  q: string;
  matchingStrategy: MatchingStrategy;
  /** Fields searched (a subset of the index's searchable attributes). */
  attributesToSearchOn: string[];
  /** Weight of the search in the fusion (whole-query variants) or in the term scores (term and pair). */
  weight: number;
  /** Term and pair searches: searches of one group are alternatives (the best one counts). */
  group?: string;
}

/** How one kind of search is run. */
export interface VariantSpec {
  matchingStrategy: MatchingStrategy;
  weight: number;
}

export interface QueryVariantOptions {
  /** Text fields searched by word searches, in ranking order. */
  textAttributes: readonly string[];
  /** Bigram fields (see `relevance-document.ts`); without them, no bigram searches. */
  bigramAttributes?: readonly string[];
  /** Kinds of searches to build and how; a kind left out is not built (default: `DEFAULT_VARIANT_SPECS`). */
  variants?: Partial<Record<QueryVariantName, VariantSpec>>;
  /** Most words per whole-query search: Meilisearch ignores words after the tenth (default: 10). */
  maxWords?: number;
  /** Most term searches (default: 32); pair searches come on top, at most one per term. */
  maxTerms?: number;
  /** Search English glossary terms by their Chinese equivalents too (default: true). */
  translate?: boolean;
  /**
   * How a Chinese word is searched when there are bigram fields (default: `word-or-bigrams`):
   * `word-or-bigrams`, one term per word whose best alternative counts: the word in the text
   * fields (matched by Meilisearch's own segmentation, typos and synonyms) or any one of its
   * bigrams in the bigram fields (a match inside a longer word, or a word segmented
   * differently); `bigrams`, each bigram a term of its own, as in bigram-indexed retrieval.
   */
  hanTerms?: 'bigrams' | 'word-or-bigrams';
  /** The query's terms when the caller has them already (`getQueryTerms` of the normalized query). */
  terms?: readonly QueryTerm[];
  /** Search each term's domain thesaurus synonyms too, as weighted alternatives (default: false; `SEARCH_THESAURUS`). */
  synonyms?: boolean;
}

/**
 * The searches built unless told otherwise: term searches only, which measured best
 * (`scripts/relevance-report.md`: fusing the whole-query variants in lowered MRR).
 */
export const DEFAULT_VARIANT_SPECS: Readonly<Partial<Record<QueryVariantName, VariantSpec>>> = {
  term: { matchingStrategy: 'last', weight: 1 },
};

/** The group of a term's searches (its alternatives): one per word, whatever the script. */
export function getTermGroup(term: Pick<QueryTerm, 'text' | 'script'>): string {
  return `word:${term.script === 'han' ? term.text : term.text.toLowerCase()}`;
}

/**
 * The first two parts of a camelCase identifier of three or more (`initialServerAddressList` ->
 * `initialServer`), else undefined: searched as an alternative of the identifier, it finds by
 * prefix the same family of names (`initialServerList`, `JacksonUndoLogParser` for
 * `JacksonUndoLogSerializer`), where the whole identifier a reader typed from memory or from
 * another version is in no document.
 */
export function getIdentifierHead(word: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(word)) return undefined;
  const parts = word.match(/[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])/g) ?? [];
  if (parts.length < 3 || parts.join('') !== word) return undefined;
  const head = parts.slice(0, 2).join('');
  return head.length >= 6 ? head : undefined;
}

/** Whether `variant` searches an identifier's head (`getIdentifierHead`) rather than a term itself. */
export function isIdentifierHeadSearch(variant: Pick<QueryVariant, 'name'>): boolean {
  return variant.name.includes('^');
}

/** Marks the search of a term's thesaurus synonym in its name (`term:冲正≈补偿`). */
const SYNONYM_MARK = '\u2248';

/** Whether `variant` searches a term's thesaurus synonym (`getDomainSynonyms`) rather than the term itself. */
export function isSynonymSearch(variant: Pick<QueryVariant, 'name'>): boolean {
  return variant.name.includes(SYNONYM_MARK);
}

/** The query as the searches read it: NFKC, whitespace runs as one space, trimmed. */
export function normalizeQuery(query: string): string {
  return query.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/**
 * The searches for `query` (empty for a blank query). A search equal to an earlier one
 * (same text, strategy and fields) is left out.
 *
 * @throws {RangeError} when `maxWords` or `maxTerms` is not a positive integer.
 */
export function buildQueryVariants(query: string, options: QueryVariantOptions): QueryVariant[] {
  const maxWords = options.maxWords ?? 10;
  const maxTerms = options.maxTerms ?? 32;
  if (!Number.isInteger(maxWords) || maxWords < 1) throw new RangeError(`buildQueryVariants: maxWords must be a positive integer, got ${maxWords}`);
  if (!Number.isInteger(maxTerms) || maxTerms < 1) throw new RangeError(`buildQueryVariants: maxTerms must be a positive integer, got ${maxTerms}`);
  const specs = options.variants ?? DEFAULT_VARIANT_SPECS;
  const text = normalizeQuery(query);
  if (!text) return [];
  const textAttributes = [...options.textAttributes];
  const bigramAttributes = [...(options.bigramAttributes ?? [])];

  const variants: QueryVariant[] = [];
  const seen = new Set<string>();
  const add = (kind: QueryVariantName, name: string, q: string, attributes: readonly string[], group?: string, strategy?: MatchingStrategy, weight = 1) => {
    const spec = specs[kind];
    if (!spec || !q) return;
    const matchingStrategy = strategy ?? spec.matchingStrategy;
    const id = `${q}\u0000${matchingStrategy}\u0000${attributes.join(',')}`;
    if (seen.has(id)) return;
    seen.add(id);
    variants.push({ name, kind, q, matchingStrategy, attributesToSearchOn: [...attributes], weight: spec.weight * weight, ...(group ? { group } : {}) });
  };

  // Whole-query variants.
  // Segmenting the topic costs more than everything else here: only when a search needs it.
  const needsTopic = Boolean(specs.topic || specs.bigrams || specs.joint);
  const topicPhrases = needsTopic ? getTopicPhrases(text) : [];
  add('raw', 'raw', text, textAttributes);
  add('topic', 'topic', topicPhrases.join(' '), textAttributes);
  if (bigramAttributes.length > 0 && specs.bigrams) {
    const bigrams = [...new Set(getCjkBigrams(topicPhrases.join(' ')))].slice(0, maxWords).map(encodeCjkBigram);
    add('bigrams', 'bigrams', bigrams.join(' '), bigramAttributes);
  }

  // Term searches: one group per term.
  const terms = options.terms ?? getQueryTerms(text, 'zh', { synonyms: options.synonyms === true });
  let budget = maxTerms;
  const addTerm = (name: string, q: string, attributes: readonly string[], group: string, strategy?: MatchingStrategy, weight = 1) => {
    if (budget <= 0 || attributes.length === 0) return;
    const before = variants.length;
    add('term', name, q, attributes, group, strategy, weight);
    if (variants.length > before) budget -= 1;
  };
  for (const term of terms) {
    if (term.script === 'han' && bigramAttributes.length > 0 && (options.hanTerms ?? 'word-or-bigrams') === 'word-or-bigrams') {
      const group = getTermGroup(term);
      if ([...term.text].length > 1) addTerm(`term:${term.text}`, term.text, textAttributes, group);
      for (const bigram of term.bigrams) addTerm(`term:${term.text}~${bigram}`, encodeCjkBigram(bigram), bigramAttributes, group);
    } else if (term.script === 'han' && bigramAttributes.length > 0) {
      // Each bigram is a term of its own, as in bigram-indexed Chinese retrieval.
      for (const bigram of term.bigrams) addTerm(`term:${bigram}`, encodeCjkBigram(bigram), bigramAttributes, `bigram:${bigram}`);
    } else if (term.script === 'han') {
      // An index without bigram fields: the word itself, matched by Meilisearch's segmentation.
      if ([...term.text].length > 1) addTerm(`term:${term.text}`, term.text, textAttributes, getTermGroup(term));
    } else {
      const group = getTermGroup(term);
      // `show`, `using`: rare in this corpus, general in English.
      const weight = getEnglishGeneralWeight(term);
      addTerm(`term:${term.text}`, term.text, textAttributes, group, undefined, weight);
      const head = getIdentifierHead(term.text);
      if (head) addTerm(`term:${term.text}^${head}`, head, textAttributes, group, undefined, weight);
      if (options.translate !== false) for (const translation of term.translations) addTranslation(term, translation, group, weight);
    }
  }
  // Thesaurus synonyms, alternatives of their term weighted below it, once every term has its own
  // searches: a synonym never takes the budget of a later term.
  if (options.synonyms === true) {
    for (const term of terms) {
      const weight = THESAURUS_SEARCH_WEIGHT * (term.script === 'latin' ? getEnglishGeneralWeight(term) : 1);
      for (const synonym of term.synonyms ?? []) addAlternative(`term:${term.text}${SYNONYM_MARK}${synonym}`, synonym, getTermGroup(term), weight);
    }
  }
  function addTranslation(term: QueryTerm, translation: string, group: string, weight: number) {
    addAlternative(`term:${term.text}=${translation}`, translation, group, weight);
  }
  /** Another word for a term: a Chinese one by all its bigrams (inside longer words too), else as a word. */
  function addAlternative(name: string, word: string, group: string, weight: number) {
    const bigrams = [...new Set(getCjkBigrams(word))];
    // A one-character equivalent (`慢`), or a Latin word, has no bigram, and without bigram
    // fields there are none to search: search it as a word.
    if (bigrams.length === 0 || bigramAttributes.length === 0) addTerm(name, word, textAttributes, group, undefined, weight);
    else addTerm(name, bigrams.map(encodeCjkBigram).join(' '), bigramAttributes, group, 'all', weight);
  }

  // Joint bigrams: the bigrams that join two neighbouring Chinese words (`据版` of `数据|版本`).
  // They name no word, but a document containing one has the two words side by side, or
  // words ICU cut differently than the author (`态机` of `状态|机能` in `状态机能跨`).
  if (specs.joint && bigramAttributes.length > 0) {
    for (const bigram of getCjkBigrams(topicPhrases.join(' '))) {
      if (budget <= 0) break;
      const before = variants.length;
      add('joint', `joint:${bigram}`, encodeCjkBigram(bigram), bigramAttributes, `bigram:${bigram}`);
      if (variants.length > before) budget -= 1;
    }
  }

  // Pair searches: neighbouring terms together, ranked by proximity (and matching a compound
  // written as one word, such as `commit index` -> `commitIndex`).
  if (specs.pair) {
    for (let i = 0; i + 1 < terms.length; i++) {
      const pair = `${terms[i]!.text} ${terms[i + 1]!.text}`;
      add('pair', `pair:${pair}`, pair, textAttributes, `pair:${pair.toLowerCase()}`);
    }
  }
  return variants;
}
