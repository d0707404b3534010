import { fileURLToPath } from 'node:url';
import { loadWordLists } from './load-word-list.ts';

export const ISSUE_TITLE_TAGS_FILE = fileURLToPath(new URL('../data/issue-title-tags.json', import.meta.url));

/** Issue category tags, lower case (`src/data/issue-title-tags.json`). */
export const ISSUE_TITLE_TAGS: ReadonlySet<string> = new Set(Object.values(loadWordLists(ISSUE_TITLE_TAGS_FILE)).flat().map((tag) => tag.toLowerCase()));

/** One bracketed tag at the start: `[Feature Request]`, `【求助】`, `(question)`. */
const LEADING_TAG = /^\s*[[【(（]\s*([^\]】)）]{1,40}?)\s*[\]】)）]\s*[:：-]?\s*/u;

/**
 * `query` without the category tags an issue title starts with (`[Feature Request] mosn log
 * time roller support` -> `mosn log time roller support`): the tag says what kind of issue it
 * is, and its words (`request`, `bug`) would be searched as topics. Only tags whose whole text
 * is an `ISSUE_TITLE_TAGS` entry (separators `-`, `_`, `/` read as spaces) are dropped, so a tag
 * naming a project (`[sofa-rpc]`) stays; a query that is nothing but tags is left as it is. Pure.
 */
export function stripIssueTags(query: string): string {
  let rest = query;
  for (let match = LEADING_TAG.exec(rest); match; match = LEADING_TAG.exec(rest)) {
    const tag = match[1]!.toLowerCase().replace(/[-_/]+/g, ' ').replace(/\s+/g, ' ').trim();
    if (!ISSUE_TITLE_TAGS.has(tag)) break;
    rest = rest.slice(match[0].length);
  }
  return rest.trim() ? rest : query;
}
