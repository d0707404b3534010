import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import '../../extract/file-data.ts';
import { getPostDate } from '../../extract/get-post-date.ts';
import { getFrontMatterText, getFrontMatterTextFromHead, parseFrontMatter } from '../../extract/parse-front-matter.ts';
import { isWeeklyPost, type WeeklyRule } from './is-weekly-post.ts';

declare module 'vfile' {
  interface DataMap {
    /** The post's lines, its front matter blanked (line numbers stay the file's). */
    weeklyLines: string[];
  }
}

/**
 * Parsing YAML is most of the cost of a non-weekly post: only front matter that can be a weekly's
 * is parsed (its path, its raw text naming the newsletter, or a category rule to check).
 */
function cannotBeWeekly(frontMatterText: string, source: string, rule: WeeklyRule): boolean {
  return !rule.categoryPattern && !rule.pathPattern?.test(source) && !rule.titlePattern.test(frontMatterText);
}

/** `ContentSource.rejectsHead` of the weekly posts: the skip above, told from the file's head. */
export function rejectsNonWeeklyHead(head: string, source: string, rule: WeeklyRule): boolean {
  const frontMatterText = getFrontMatterTextFromHead(head);
  return frontMatterText !== null && cannotBeWeekly(frontMatterText, source, rule);
}

/**
 * Unified plugin, the first step of a weekly post: is the file a weekly post at all (quietly
 * `skipped` if not), its front matter, title and date onto `file.data`, and its lines for the
 * segmenter. A post that cannot be used fails the file (`file.fail`: empty, binary, broken front
 * matter, no usable date).
 */
export function weeklyFrontMatter(options: { rule: WeeklyRule }) {
  const { rule } = options;
  return (_tree: Root, file: VFile): void => {
    const text = String(file.value);
    const fail = (ruleId: string, reason: string): never => file.fail(reason, { ruleId, source: 'weekly-faq' });
    if (text.trim() === '') fail('empty-file', 'empty file');
    // Invalid UTF-8 is caught where the bytes are read (`extractCorpus`); a string has none left.
    if (text.includes('\u0000')) fail('binary-file', 'not a text file (NUL bytes)');
    const source = String(file.data.source ?? '');
    if (cannotBeWeekly(getFrontMatterText(text), source, rule)) {
      file.data.skipped = true;
      return;
    }
    const frontMatter = parseFrontMatter(text);
    if (!frontMatter.ok) {
      const looksWeekly = rule.titlePattern.test(text.slice(0, 2000));
      if (frontMatter.ruleId === 'no-front-matter' && !looksWeekly) {
        file.data.skipped = true;
        return;
      }
      fail(frontMatter.ruleId, frontMatter.reason);
      return;
    }
    const data = frontMatter.data;
    if (!isWeeklyPost(data, source, rule)) {
      file.data.skipped = true;
      return;
    }
    const date = getPostDate(data.date);
    if (!date) {
      const reason = data.date === undefined ? 'front matter has no date' : `front matter date is not a valid date: ${JSON.stringify(data.date)}`;
      fail(data.date === undefined ? 'missing-date' : 'invalid-date', reason);
      return;
    }
    file.data.frontMatter = data;
    file.data.title = typeof data.title === 'string' ? data.title.trim() : '';
    file.data.date = date;
    // Keep line numbers of the whole file: front matter lines become blank.
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    for (let index = 0; index < frontMatter.bodyStartLine - 1 && index < lines.length; index += 1) lines[index] = '';
    file.data.weeklyLines = lines;
  };
}
