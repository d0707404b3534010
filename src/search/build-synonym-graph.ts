/**
 * Meilisearch synonyms from links `[word, stands-for]`: lower-cased, trimmed keys and values,
 * sorted, no word standing for itself, no repeats. The one way every synonym list of the index
 * is built (project words, the glossary, the corpus dictionary), so merging lists is merging
 * their links.
 *
 * @see https://www.meilisearch.com/docs/learn/relevancy/synonyms
 */
export function buildSynonymGraph(links: Iterable<readonly [string, string]>): Record<string, string[]> {
  const graph = new Map<string, Set<string>>();
  for (const [rawFrom, rawTo] of links) {
    const from = rawFrom.trim().toLowerCase();
    const to = rawTo.trim().toLowerCase();
    if (!from || !to || from === to) continue;
    const set = graph.get(from) ?? new Set<string>();
    set.add(to);
    graph.set(from, set);
  }
  const synonyms: Record<string, string[]> = {};
  for (const key of [...graph.keys()].sort()) synonyms[key] = [...graph.get(key)!].sort();
  return synonyms;
}

/** Every word of each group standing for every other: a project name and its words. */
export function* linkGroups(groups: Iterable<readonly string[]>): Generator<[string, string]> {
  for (const group of groups) for (const from of group) for (const to of group) yield [from, to];
}

/** The links of a synonym list (`{ word: [its synonyms] }`), one way. */
export function* linkLists(synonyms: Readonly<Record<string, readonly string[]>>): Generator<[string, string]> {
  for (const [from, others] of Object.entries(synonyms)) for (const to of others) yield [from, to];
}
