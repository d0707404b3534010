import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import '../../extract/file-data.ts';
import { getNestingDepth, MAX_NESTING_DEPTH } from '../../extract/get-nesting-depth.ts';
import { answerMarkdown, questionMarkdown } from './get-pair-markdown.ts';
import { segmentPairs, type SegmentedPair } from './segment-pairs.ts';

declare module 'vfile' {
  interface DataMap {
    /** The question/answer pairs located in the post's lines. */
    weeklyPairs: SegmentedPair[];
  }
}

/**
 * Unified plugin, the second step: the post's pairs (`segmentPairs`, on lines) onto
 * `file.data.weeklyPairs`, what the segmenter noticed as messages; a post whose pairs nest
 * deeper than any parser should recurse fails before one does.
 */
export function weeklySegments() {
  return (_tree: Root, file: VFile): void => {
    if (file.data.skipped || !file.data.weeklyLines) return;
    const segmented = segmentPairs(file.data.weeklyLines);
    for (const message of segmented.messages) {
      file.message(message.reason, { ruleId: message.ruleId, source: 'weekly-faq', place: { line: message.line, column: 1 } });
    }
    if (segmented.sections === 0) {
      file.message('no Q&A section (no reader Q&A heading and no asker headers)', { ruleId: 'no-qa-section', source: 'weekly-faq' });
    } else if (segmented.pairs.length === 0) {
      file.message('Q&A section found but no question with an answer in it', { ruleId: 'no-pairs', source: 'weekly-faq' });
    }
    for (const pair of segmented.pairs) {
      const depth = Math.max(getNestingDepth(questionMarkdown(pair)), getNestingDepth(answerMarkdown(pair)));
      if (depth > MAX_NESTING_DEPTH) {
        const reason = `the pair at line ${pair.firstLine} nests ${depth} levels deep (lists, quotes, tags or brackets; the limit is ${MAX_NESTING_DEPTH}): post skipped`;
        file.fail(reason, { ruleId: 'too-deeply-nested', source: 'weekly-faq', place: { line: pair.firstLine, column: 1 } });
      }
    }
    file.data.weeklyPairs = segmented.pairs;
  };
}
