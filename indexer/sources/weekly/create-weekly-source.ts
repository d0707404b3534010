import type { ContentSource } from '../content-source.ts';
import { extractPost, type ExtractPostOptions } from './extract-post.ts';
import { DEFAULT_WEEKLY_RULE } from './is-weekly-post.ts';
import { rejectsNonWeeklyHead } from './weekly-front-matter.ts';

/**
 * The weekly posts as a content source: every markdown file is offered (the weekly rule, on the
 * title, the folder or the category, decides; other posts are skipped quietly).
 */
export function createWeeklySource(options: ExtractPostOptions = {}): ContentSource {
  const rule = options.weeklyRule ?? DEFAULT_WEEKLY_RULE;
  const settled: ExtractPostOptions = { ...options, weeklyRule: rule };
  return {
    kind: 'weekly',
    matches: () => true,
    rejectsHead: (head, source) => rejectsNonWeeklyHead(head, source, rule),
    extract: (text, source, path) => extractPost(text, source, path, settled),
  };
}
