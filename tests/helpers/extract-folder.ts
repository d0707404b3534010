import { extractCorpus, type ExtractOptions } from '../../indexer/extract/extract-corpus.ts';
import type { PostResult } from '../../indexer/extract/post-result.ts';

/** Every result of the extractor over `paths`, collected. */
export async function extractAll(paths: string[], options: ExtractOptions = {}): Promise<PostResult[]> {
  const results: PostResult[] = [];
  for await (const result of extractCorpus(paths, options)) results.push(result);
  return results;
}
