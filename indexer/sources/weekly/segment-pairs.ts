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

/** Where the segmenter is: the state, the open pair and thread, and what the lines so far set up. */
interface Segmenter {
  kinds: LineKind[];
  state: State;
  pair: SegmentedPair | null;
  pairs: SegmentedPair[];
  messages: SegmentMessage[];
  sections: number;
  thread: { number: number; turns: number; asker: string | null; issue: number | null; issueProject: string | null };
  /** Pairs since the last attribution line (within the topic section): the next one covers them. */
  pending: SegmentedPair[];
  attributionGroups: number;
  topicProjects: string[] | null;
}

/** Keep the open pair when its answer has words (an image alone is no answer); else report it. */
function closePair(seg: Segmenter): void {
  if (!seg.pair) return;
  if (seg.pair.answerLines.some((line) => /[\p{L}\p{N}]/u.test(line.replace(/!\[[^\]]*\]\([^)]*\)/g, '')))) {
    seg.pairs.push(seg.pair);
    seg.pending.push(seg.pair);
  } else {
    seg.messages.push({
      ruleId: 'unanswered-question',
      reason: 'question without a textual answer (no A： line with text); skipped',
      line: seg.pair.firstLine,
    });
  }
  seg.pair = null;
}

function openSection(seg: Segmenter): void {
  closePair(seg);
  if (seg.state === 'outside') seg.sections += 1;
  seg.state = 'intro';
  seg.pending = [];
  seg.topicProjects = null;
}

function closeSection(seg: Segmenter): void {
  closePair(seg);
  seg.state = 'outside';
  seg.pending = [];
  seg.topicProjects = null;
}

function openThread(seg: Segmenter, asker: string | null, issue: number | null): void {
  const project = asker === null ? undefined : getProjectByLabel(asker);
  seg.thread = { number: seg.thread.number + 1, turns: 0, asker, issue, issueProject: issue !== null && project ? project.name : null };
}

function openPair(seg: Segmenter, lineNumber: number, firstLine: string | null): void {
  closePair(seg);
  if (seg.thread.number === 0) openThread(seg, null, null);
  seg.thread.turns += 1;
  seg.pair = {
    section: seg.sections,
    thread: seg.thread.number,
    turn: seg.thread.turns,
    asker: seg.thread.asker,
    issue: seg.thread.issue,
    issueProject: seg.thread.issueProject,
    questionLines: firstLine === null ? [] : [firstLine],
    answerLines: [],
    firstLine: lineNumber,
    lastLine: lineNumber,
    attributed: null,
    attributionGroup: null,
    attributionUrls: [],
    topicProjects: seg.topicProjects,
  };
  seg.state = 'question';
}

/**
 * A heading or bold line: a Q&A heading opens a section; inside one, another heading (or a bold
 * line that ends sections) closes it and a numbered bold line is a group header. True when the
 * line was handled.
 */
function onHeadingLine(seg: Segmenter, kind: Extract<LineKind, { kind: 'heading' | 'boldLine' }>): boolean {
  if (isQaHeading(kind.text)) {
    openSection(seg);
    return true;
  }
  if (seg.state === 'outside') return true;
  if (kind.kind === 'heading' || isSectionEndBoldLine(kind.text, kind.numbered)) {
    closeSection(seg);
    return true;
  }
  if (kind.numbered) {
    // `**1、《Webinar》直播回顾以及 QA 整理**`: a group header inside the section.
    closePair(seg);
    seg.state = 'between';
    return true;
  }
  return false;
}

function onAsker(seg: Segmenter, kind: Extract<LineKind, { kind: 'asker' }>, lineNumber: number): void {
  closePair(seg);
  if (seg.state === 'header' && seg.thread.turns === 0 && seg.thread.issueProject !== null && kind.issue === null) {
    // `**1.@MOSN #2347**` then `@huayangchan`: the issue's project, then the user who asked.
    seg.thread.asker = kind.asker;
  } else {
    openThread(seg, kind.asker, kind.issue);
  }
  seg.state = 'header';
  if (kind.inlineQuestion) openPair(seg, lineNumber, kind.inlineQuestion);
}

function onTopic(seg: Segmenter, kind: Extract<LineKind, { kind: 'topic' }>): void {
  closePair(seg);
  seg.topicProjects = kind.projects.length > 0 ? kind.projects : null;
  // An attribution line covers the pairs since the previous one within the same topic section.
  seg.pending = [];
  seg.state = 'between';
}

function onAttribution(seg: Segmenter, kind: Extract<LineKind, { kind: 'attribution' }>, index: number, wasAttribution: boolean): void {
  closePair(seg);
  if (!wasAttribution) seg.attributionGroups += 1;
  for (const covered of seg.pending) {
    covered.attributed = [...new Set([...(covered.attributed ?? []), ...kind.projects])];
    covered.attributionGroup = seg.attributionGroups;
    if (kind.url) covered.attributionUrls.push(kind.url);
  }
  // Consecutive attribution lines cover the same pairs; the next pairs start afresh.
  const nextIndex = seg.kinds.slice(index + 1).findIndex((next) => next.kind !== 'blank');
  if (seg.kinds[index + 1 + nextIndex]?.kind !== 'attribution') seg.pending = [];
  seg.state = 'between';
}

function onAnswer(seg: Segmenter, kind: Extract<LineKind, { kind: 'answer' }>, lineNumber: number): void {
  if (seg.pair && (seg.state === 'question' || seg.state === 'answer')) {
    seg.pair.answerLines.push(kind.text);
    seg.pair.lastLine = lineNumber;
    seg.state = 'answer';
  } else if (seg.state !== 'between' && seg.state !== 'intro') {
    seg.messages.push({ ruleId: 'answer-without-question', reason: 'A： line with no question before it', line: lineNumber });
  }
}

function onQuote(seg: Segmenter, kind: Extract<LineKind, { kind: 'quote' }>, line: string, lineNumber: number): void {
  if (seg.state === 'question' && seg.pair) {
    seg.pair.questionLines.push(line);
  } else if (seg.state === 'answer' && seg.pair && !kind.hasText) {
    seg.pair.answerLines.push(line);
    seg.pair.lastLine = lineNumber;
  } else if (kind.hasText) {
    if (seg.state === 'intro' && seg.thread.number > 0) openThread(seg, null, null);
    openPair(seg, lineNumber, line);
  }
}

/** A plain or bold line: after an asker header it is the question; else it continues the question or the answer. */
function onText(seg: Segmenter, kind: Extract<LineKind, { kind: 'text' | 'boldLine' }>, line: string, lineNumber: number, wasBlank: boolean): void {
  if (seg.state === 'header') {
    if (kind.kind === 'text' && !kind.hasText) return;
    openPair(seg, lineNumber, line);
  } else if (seg.state === 'question' && seg.pair) {
    const lazyContinuation = !wasBlank;
    const words = kind.kind !== 'text' || kind.hasText;
    if (lazyContinuation || words) seg.pair.questionLines.push(line);
  } else if (seg.state === 'answer' && seg.pair) {
    seg.pair.answerLines.push(line);
    seg.pair.lastLine = lineNumber;
  }
}

function runSegmenter(lines: readonly string[], kinds: LineKind[], openAtFirstHeader: boolean): SegmentResult {
  const seg: Segmenter = {
    kinds, state: 'outside', pair: null, pairs: [], messages: [], sections: 0,
    thread: { number: 0, turns: 0, asker: null, issue: null, issueProject: null },
    pending: [], attributionGroups: 0, topicProjects: null,
  };
  let previousWasAttribution = false;
  let lastWasBlank = true;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const kind = kinds[index] ?? { kind: 'blank' };
    const lineNumber = index + 1;
    const wasBlank = lastWasBlank;
    lastWasBlank = kind.kind === 'blank';
    const wasAttribution = previousWasAttribution;
    if (kind.kind !== 'blank') previousWasAttribution = kind.kind === 'attribution';

    if ((kind.kind === 'heading' || kind.kind === 'boldLine') && onHeadingLine(seg, kind)) continue;
    if (seg.state === 'outside') {
      if (!openAtFirstHeader || kind.kind !== 'asker') continue;
      seg.sections += 1;
      seg.state = 'intro';
    }
    switch (kind.kind) {
      case 'blank':
        if (seg.pair && seg.state === 'question') seg.pair.questionLines.push('');
        if (seg.pair && seg.state === 'answer') seg.pair.answerLines.push('');
        break;
      case 'asker':
        onAsker(seg, kind, lineNumber);
        break;
      case 'topic':
        onTopic(seg, kind);
        break;
      case 'attribution':
        onAttribution(seg, kind, index, wasAttribution);
        break;
      case 'answer':
        onAnswer(seg, kind, lineNumber);
        break;
      case 'quote':
        onQuote(seg, kind, line, lineNumber);
        break;
      case 'boldLine':
      case 'text':
        onText(seg, kind, line, lineNumber, wasBlank);
        break;
    }
  }
  closePair(seg);
  return { pairs: seg.pairs, sections: seg.sections, messages: seg.messages };
}
