import { getProjectByLabel, getProjectByUrl, getMentionedProjects } from '../../../src/project-catalogue.ts';

/**
 * What one source line of a weekly post is, as far as the Q&A layout goes.
 * Posts from 2019-2023 vary a lot, but every format is line-oriented: an asker header,
 * quoted question lines, an `A：` line, an attribution line. Classifying lines first keeps
 * the markdown parser away from the lazy-continuation traps those posts are full of
 * (a header glued to the quote above it would otherwise become part of the quote).
 */
export type LineKind =
  | { kind: 'blank' }
  | { kind: 'heading'; text: string }
  /** A line that is all bold text (`**本周推荐阅读**`): a heading in the later posts. */
  | { kind: 'boldLine'; text: string; numbered: boolean }
  | { kind: 'asker'; asker: string | null; issue: number | null; inlineQuestion: string }
  | { kind: 'topic'; projects: string[] }
  /** `url`: the attribution's link (a repository, or the GitHub issue the pair came from). */
  | { kind: 'attribution'; projects: string[]; url: string | null }
  | { kind: 'answer'; text: string }
  | { kind: 'quote'; text: string; hasText: boolean }
  | { kind: 'text'; text: string; hasText: boolean };

const NUMBER = String.raw`(?:\d{1,2}\s*[、.．,，)）]\s*)`;
// The name never starts with the `提问` that follows it: `@ 提问：` (the name was only markup) has no asker, not "提".
const ASKER_WITH_QUESTION_WORD = new RegExp(
  String.raw`^${NUMBER}?(@)?\s*((?!提问)[^@#：:？?，,。\s][^@#：:？?，,。]{0,40}?)?\s*(?:#\s*(\d+))?\s*(?:提问|问)\s*(?:[：:]\s*(.*))?$`,
);
const ASKER_ISSUE = new RegExp(String.raw`^${NUMBER}?@\s*([^\s@#：:]{1,40})\s*#\s*(\d+)\s*[：:]?$`);
const ASKER_NAME_ONLY = new RegExp(String.raw`^(${NUMBER})?(@)?\s*([^@#：:？?，,。\s][^@#：:？?，,。]{0,30}?)\s*[：:]?$`);
const TOPIC = new RegExp(String.raw`^${NUMBER}?关于\s*(.+?)\s*(?:的)?\s*(?:几个|一些)?\s*(?:提问|问题)`);
/** `**3、关于 Seata 事务分组：**`: a bold `关于 X` line naming one project is a topic header too. */
const BOLD_TOPIC = new RegExp(String.raw`^${NUMBER}?关于\s*(.{1,60}?)\s*[：:]?$`);
const ANSWER = /^(?:A|答)\s*[：:]\s*/i;
const URL_AT_START = /^\[?\s*\*?\s*<?(https?:\/\/[^\s)\]>*]+)/i;
const SECTION_END_WORDS =
  /推荐阅读|相关阅读|阅读|新手任务|项目进展|本周发布|发布详情|contributor|贡献|活动|直播|会议|预告|big news|大事件|扫码|关注|招聘|报名|回顾|特辑|合辑|系列|版本发布/i;

/**
 * An inline HTML tag, its quoted attribute values read whole (`<img alt="a>b">` ends at the
 * last `>`); a `<script>` or `<style>` element goes with its content, which is no words of
 * the post either.
 */
const INLINE_HTML = /<(script|style)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?<\/\1\s*>|<\/?[A-Za-z!](?:[^>"']|"[^"]*"|'[^']*')*>/gi;

/** Markup that carries no words: emphasis markers, inline HTML tags, `<br/>`. */
export function stripInlineMarkup(line: string): string {
  return line
    .replace(INLINE_HTML, '')
    .replace(/\*\*|__|\*/g, '')
    .replace(/\\(?=[*_])/g, '')
    .trim();
}

/** True when the text holds words, not only images, links to images or punctuation. */
export function hasWords(text: string): boolean {
  const withoutImages = text.replace(/!\[[^\]]*\]\([^)]*\)/g, '').replace(/<img\b[^>]*>/gi, '');
  return /[\p{L}\p{N}]/u.test(stripInlineMarkup(withoutImages));
}

function isWhollyBold(line: string): boolean {
  const trimmed = line.replace(/<br\s*\/?>/gi, '').trim();
  return /^\*\*[^*]+\*\*[：:]?$/.test(trimmed) || /^<strong>.*<\/strong>$/i.test(trimmed);
}

function parseAttribution(plain: string): { projects: string[]; url: string | null } | undefined {
  const bracketed = /^「\s*([^「」]{1,40}?)\s*」\s*[：:]?\s*(.*)$/.exec(plain);
  const labelled = bracketed ?? /^([A-Za-z][\w .&-]{1,30}?)\s*[：:]\s*(.*)$/.exec(plain);
  if (!labelled) return undefined;
  const label = labelled[1] ?? '';
  const rest = labelled[2] ?? '';
  const url = URL_AT_START.exec(rest)?.[1];
  if (!url) {
    const projects = bracketed && rest === '' ? projectsOfLabel(label, '') : undefined;
    return projects && { projects, url: null };
  }
  // The line is only the label and its link (`[url](url)` or a bare URL): nothing after it.
  const afterLink = rest.replace(/^\[[^\]]*\]\([^)]*\)/, '').replace(URL_AT_START, '').trim();
  if (afterLink !== '' && !/^[)\]*\s]*$/.test(afterLink)) return undefined;
  const projects = projectsOfLabel(label, url);
  if (projects === undefined && !bracketed) return undefined;
  return { projects: projects ?? [], url };
}

/** Projects named by an attribution label; the label wins over its link. */
function projectsOfLabel(label: string, url: string): string[] | undefined {
  const byLabel = getProjectByLabel(label);
  if (byLabel === null) return [];
  if (byLabel) return [byLabel.name];
  const mentioned = getMentionedProjects(label);
  if (mentioned.length > 0) return mentioned;
  const byUrl = url ? getProjectByUrl(url) : undefined;
  return byUrl ? [byUrl.name] : undefined;
}

function parseAsker(plain: string, bold: boolean): LineKind | undefined {
  if (/^(?:\d{1,2}\s*[、.．]\s*)?关于/.test(plain)) return undefined;
  const issueEntry = ASKER_ISSUE.exec(plain);
  if (issueEntry) {
    return { kind: 'asker', asker: issueEntry[1] ?? null, issue: Number(issueEntry[2]), inlineQuestion: '' };
  }
  const withWord = ASKER_WITH_QUESTION_WORD.exec(plain);
  if (withWord) {
    const name = withWord[2]?.trim() ?? '';
    // `问` alone is too common a character; only `提问` or an `@` makes a header of it.
    if (!/提问/.test(plain) && !withWord[1]) return undefined;
    if (!name && !withWord[1]) return undefined;
    return {
      kind: 'asker',
      asker: name || null,
      issue: withWord[3] ? Number(withWord[3]) : null,
      inlineQuestion: withWord[4]?.trim() ?? '',
    };
  }
  // `**1. 小白**`: a numbered bold name with nothing else is an asker header too.
  const nameOnly = ASKER_NAME_ONLY.exec(plain);
  if (nameOnly && (nameOnly[2] || (nameOnly[1] && bold))) {
    const name = nameOnly[3]?.trim() ?? '';
    if (!name || SECTION_END_WORDS.test(name) || name.length > 24) return undefined;
    return { kind: 'asker', asker: name, issue: null, inlineQuestion: '' };
  }
  return undefined;
}

/** Classify one source line (see `LineKind`). Pure. */
export function classifyLine(line: string): LineKind {
  const trimmed = line.replace(/<br\s*\/?>\s*$/gi, '').trim();
  if (trimmed === '' || /^(<br\s*\/?>|&nbsp;)+$/i.test(trimmed)) return { kind: 'blank' };

  const heading = /^#{1,6}\s+(.*)$/.exec(trimmed);
  if (heading) return { kind: 'heading', text: stripInlineMarkup(heading[1] ?? '') };

  if (trimmed.startsWith('>')) {
    const text = trimmed.replace(/^(?:>\s?)+/, '');
    return { kind: 'quote', text, hasText: hasWords(text) };
  }

  const plain = stripInlineMarkup(trimmed).replace(/^[-+]\s+(?=@)/, '');
  // `@[name](https://github.com/name)`: the asker's name is the link text.
  const plainLinksAsText = plain.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  if (ANSWER.test(plain)) {
    // Keep the line's own markup (links, code, bold); only the marker goes.
    const text = trimmed.replace(/^(?:\*\*|__|\*)?\s*(?:A|答)\s*[：:]\s*(?:\*\*|__|\*(?!\*))?/i, '');
    return { kind: 'answer', text: text === trimmed ? plain.replace(ANSWER, '') : text };
  }

  const bold = /^\s*(?:\d{1,2}\s*[、.．]\s*)?\*\*/.test(trimmed) || /^<strong>/i.test(trimmed);
  const asker = parseAsker(plainLinksAsText, bold);
  if (asker) return asker;

  const topic = TOPIC.exec(plain);
  if (topic && plain.length <= 120) {
    const projects = getMentionedProjects(topic[1] ?? '');
    return { kind: 'topic', projects: projects.length > 0 ? projects : getMentionedProjects(plain) };
  }

  const attribution = parseAttribution(plain);
  if (attribution) return { kind: 'attribution', ...attribution };

  if (isWhollyBold(trimmed)) {
    const boldTopic = BOLD_TOPIC.exec(plain);
    const named = boldTopic ? getMentionedProjects(boldTopic[1] ?? '') : [];
    if (named.length === 1) return { kind: 'topic', projects: named };
    return { kind: 'boldLine', text: plain, numbered: /^\d{1,2}\s*[、.．]/.test(plain) };
  }
  return { kind: 'text', text: trimmed, hasText: hasWords(trimmed) };
}

/** A heading (or bold line) that opens a reader Q&A section. */
export function isQaHeading(text: string): boolean {
  if (/weekly|每周精选|筛选|精华/i.test(text)) return false;
  return /问答|\bQ\s*&\s*A\b|\bQA\b|issue\s*精选|答疑|读者提问/i.test(text);
}

/** A bold line that closes a Q&A section (`**本周推荐阅读**`), as opposed to a group header inside it. */
export function isSectionEndBoldLine(text: string, numbered: boolean): boolean {
  return !numbered && SECTION_END_WORDS.test(text) && !isQaHeading(text);
}
