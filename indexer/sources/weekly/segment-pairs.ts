import { classifyLine, isQaHeading, isSectionEndBoldLine, type LineKind } from './classify-line.ts';
import { getProjectByLabel } from '../../../src/project-catalogue.ts';

/** A question/answer pair as located in the post's lines, before rendering. */
export interface SegmentedPair {
  /** 1-based number of the Q&A section in the post. */
  section: number;
  /** 1-based number of the asker thread in the post. */
  thread: number;
  /** 1-based position in the thread. */
  turn: number;
  asker: string | null;
  issue: number | null;
  /** The project an issue entry's header names (`**2.@SOFABolt #332**` then `@user`), whose repository holds the issue. */
  issueProject: string | null;
  /** Markdown source of the question (quote markers kept; the renderer drops them). */
  questionLines: string[];
  /** Markdown source of the answer, its `A：` markers removed. */
  answerLines: string[];
  /** 1-based line numbers of the first question line and of the last answer line. */
  firstLine: number;
  lastLine: number;
  /** Projects from the attribution line(s) that cover the pair; null when none does. */
  attributed: string[] | null;
  /** Which attribution group covered the pair (pairs since the previous attribution line). */
  attributionGroup: number | null;
  /** Links of the attribution line(s) that cover the pair (a repository, or the issue it came from). */
  attributionUrls: string[];
  /** Projects named by the `关于 X 的提问` header whose section holds the pair, if any. */
  topicProjects: string[] | null;
}

/** Something the segmenter noticed in the post: reported, never thrown. */
export interface SegmentMessage {
  ruleId: 'unanswered-question' | 'answer-without-question';
  reason: string;
  line: number;
}

export interface SegmentResult {
  pairs: SegmentedPair[];
  /** Number of Q&A sections found (0: the post has none). */
  sections: number;
  messages: SegmentMessage[];
}

type State = 'outside' | 'intro' | 'header' | 'question' | 'answer' | 'between';

/**
 * Split the lines of a weekly post into question/answer pairs. Pure: lines in, pairs out.
 *
 * A Q&A section opens at a heading such as `### 每周读者问答提炼` or `**SOFAStack GitHub issue 精选**`
 * and closes at the next other heading. Inside it, an asker header opens a thread; each quoted
 * block with words opens a pair; `A：` opens its answer, which runs to the next question block,
 * header or attribution line; attribution lines name the projects of every pair since the last one.
 * Posts with no Q&A heading but with asker headers are read from the first header on.
 */
export function segmentPairs(lines: readonly string[]): SegmentResult {
  const kinds = lines.map(classifyLine);
  const result = runSegmenter(lines, kinds, false);
  if (result.sections > 0) return result;
  return kinds.some((kind) => kind.kind === 'asker') ? runSegmenter(lines, kinds, true) : result;
}

function runSegmenter(lines: readonly string[], kinds: LineKind[], openAtFirstHeader: boolean): SegmentResult {
  const pairs: SegmentedPair[] = [];
  const messages: SegmentMessage[] = [];
  // Held in an object: the closures below change it, which flow analysis of a `let` would not see.
  const cursor: { state: State; pair: SegmentedPair | null } = { state: 'outside', pair: null };
  let sections = 0;
  let thread = { number: 0, turns: 0, asker: null as string | null, issue: null as number | null, issueProject: null as string | null };
  let pending: SegmentedPair[] = [];
  let attributionGroups = 0;
  let previousWasAttribution = false;
  let topicProjects: string[] | null = null;
  let lastWasBlank = true;

  const closePair = (): void => {
    if (!cursor.pair) return;
    if (cursor.pair.answerLines.some((line) => /[\p{L}\p{N}]/u.test(line.replace(/!\[[^\]]*\]\([^)]*\)/g, '')))) {
      pairs.push(cursor.pair);
      pending.push(cursor.pair);
    } else {
      messages.push({
        ruleId: 'unanswered-question',
        reason: 'question without a textual answer (no A： line with text); skipped',
        line: cursor.pair.firstLine,
      });
    }
    cursor.pair = null;
  };

  const openSection = (): void => {
    closePair();
    if (cursor.state === 'outside') sections += 1;
    cursor.state = 'intro';
    pending = [];
    topicProjects = null;
  };

  const closeSection = (): void => {
    closePair();
    cursor.state = 'outside';
    pending = [];
    topicProjects = null;
  };

  const openThread = (asker: string | null, issue: number | null): void => {
    const project = asker === null ? undefined : getProjectByLabel(asker);
    thread = { number: thread.number + 1, turns: 0, asker, issue, issueProject: issue !== null && project ? project.name : null };
  };

  const openPair = (lineNumber: number, firstLine: string | null): void => {
    closePair();
    if (thread.number === 0) openThread(null, null);
    thread.turns += 1;
    cursor.pair = {
      section: sections,
      thread: thread.number,
      turn: thread.turns,
      asker: thread.asker,
      issue: thread.issue,
      issueProject: thread.issueProject,
      questionLines: firstLine === null ? [] : [firstLine],
      answerLines: [],
      firstLine: lineNumber,
      lastLine: lineNumber,
      attributed: null,
      attributionGroup: null,
      attributionUrls: [],
      topicProjects,
    };
    cursor.state = 'question';
  };

  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const kind = kinds[index] ?? { kind: 'blank' };
    const lineNumber = index + 1;
    const wasBlank = lastWasBlank;
    lastWasBlank = kind.kind === 'blank';
    const wasAttribution = previousWasAttribution;
    if (kind.kind !== 'blank') previousWasAttribution = kind.kind === 'attribution';

    if (kind.kind === 'heading' || kind.kind === 'boldLine') {
      if (isQaHeading(kind.text)) {
        openSection();
        continue;
      }
      if (cursor.state === 'outside') continue;
      if (kind.kind === 'heading' || isSectionEndBoldLine(kind.text, kind.numbered)) {
        closeSection();
        continue;
      }
      if (kind.numbered) {
        // `**1、《Webinar》直播回顾以及 QA 整理**`: a group header inside the section.
        closePair();
        cursor.state = 'between';
        continue;
      }
    }

    if (cursor.state === 'outside') {
      if (openAtFirstHeader && kind.kind === 'asker') {
        sections += 1;
        cursor.state = 'intro';
      } else {
        continue;
      }
    }

    switch (kind.kind) {
      case 'blank':
        if (cursor.pair && cursor.state === 'question') cursor.pair.questionLines.push('');
        if (cursor.pair && cursor.state === 'answer') cursor.pair.answerLines.push('');
        break;
      case 'asker':
        closePair();
        if (cursor.state === 'header' && thread.turns === 0 && thread.issueProject !== null && kind.issue === null) {
          // `**1.@MOSN #2347**` then `@huayangchan`: the issue's project, then the user who asked.
          thread.asker = kind.asker;
        } else {
          openThread(kind.asker, kind.issue);
        }
        cursor.state = 'header';
        if (kind.inlineQuestion) openPair(lineNumber, kind.inlineQuestion);
        break;
      case 'topic':
        closePair();
        topicProjects = kind.projects.length > 0 ? kind.projects : null;
        // An attribution line covers the pairs since the previous one within the same topic section.
        pending = [];
        cursor.state = 'between';
        break;
      case 'attribution': {
        closePair();
        if (!wasAttribution) attributionGroups += 1;
        for (const covered of pending) {
          covered.attributed = [...new Set([...(covered.attributed ?? []), ...kind.projects])];
          covered.attributionGroup = attributionGroups;
          if (kind.url) covered.attributionUrls.push(kind.url);
        }
        // Consecutive attribution lines cover the same pairs; the next pairs start afresh.
        const nextIndex = kinds.slice(index + 1).findIndex((next) => next.kind !== 'blank');
        if (kinds[index + 1 + nextIndex]?.kind !== 'attribution') pending = [];
        cursor.state = 'between';
        break;
      }
      case 'answer':
        if (cursor.pair && (cursor.state === 'question' || cursor.state === 'answer')) {
          cursor.pair.answerLines.push(kind.text);
          cursor.pair.lastLine = lineNumber;
          cursor.state = 'answer';
        } else if (cursor.state !== 'between' && cursor.state !== 'intro') {
          messages.push({ ruleId: 'answer-without-question', reason: 'A： line with no question before it', line: lineNumber });
        }
        break;
      case 'quote':
        if (cursor.state === 'question' && cursor.pair) {
          cursor.pair.questionLines.push(line);
        } else if (cursor.state === 'answer' && cursor.pair && !kind.hasText) {
          cursor.pair.answerLines.push(line);
          cursor.pair.lastLine = lineNumber;
        } else if (kind.hasText) {
          if (cursor.state === 'intro' && thread.number > 0) openThread(null, null);
          openPair(lineNumber, line);
        }
        break;
      case 'boldLine':
      case 'text':
        if (cursor.state === 'header') {
          if (kind.kind === 'text' && !kind.hasText) break;
          openPair(lineNumber, line);
        } else if (cursor.state === 'question' && cursor.pair) {
          const lazyContinuation = !wasBlank;
          const words = kind.kind !== 'text' || kind.hasText;
          if (lazyContinuation || words) cursor.pair.questionLines.push(line);
        } else if (cursor.state === 'answer' && cursor.pair) {
          cursor.pair.answerLines.push(line);
          cursor.pair.lastLine = lineNumber;
        }
        break;
    }
  }
  closePair();
  return { pairs, sections, messages };
}
