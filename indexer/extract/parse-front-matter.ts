import jsYaml from 'js-yaml';

// js-yaml, not `yaml` (which reads the data files, for its source positions): front matter is
// parsed once per candidate post on every run, and js-yaml reads the corpus's front matter about
// 10x faster with the same result on every post of the real site.
const parseYaml = (text: string): unknown => jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });

export type FrontMatterResult =
  | { ok: true; data: Record<string, unknown>; body: string; bodyStartLine: number }
  | { ok: false; ruleId: 'no-front-matter' | 'bad-front-matter' | 'too-deeply-nested'; reason: string };

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;

/**
 * The raw text of a post's front matter, unparsed (up to its closing `---`); for a file without
 * one, its first 2,000 characters. Cheap: lets the extractor skip YAML for posts that cannot be
 * weekly. Pure.
 */
export function getFrontMatterText(text: string): string {
  const opening = OPENING.exec(text);
  if (!opening) return text.slice(0, 2000);
  const rest = text.slice(opening[0].length);
  const closing = /^---[ \t]*$/m.exec(rest);
  return closing ? rest.slice(0, closing.index) : rest.slice(0, 2000);
}

/**
 * `getFrontMatterText` of a whole file, told from its head alone (`head`: the file's first
 * whole lines, the rest unread): null when the head cannot tell (its front matter runs past it,
 * or it is shorter than the 2,000 characters a file without front matter is judged by). Pure.
 */
export function getFrontMatterTextFromHead(head: string): string | null {
  const opening = OPENING.exec(head);
  if (!opening) return head.length >= 2000 ? head.slice(0, 2000) : null;
  const rest = head.slice(opening[0].length);
  const closing = /^---[ \t]*$/m.exec(rest);
  return closing ? rest.slice(0, closing.index) : null;
}

/** Split a post into its YAML front matter and body. Pure; problems are returned, not thrown. */
export function parseFrontMatter(text: string): FrontMatterResult {
  const opening = OPENING.exec(text);
  if (!opening) return { ok: false, ruleId: 'no-front-matter', reason: 'no front matter (the file does not start with ---)' };
  const rest = text.slice(opening[0].length);
  const closing = /^---[ \t]*$/m.exec(rest);
  if (!closing) return { ok: false, ruleId: 'bad-front-matter', reason: 'front matter is not closed by a --- line' };
  const yamlText = rest.slice(0, closing.index);
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (error) {
    try {
      data = parseYaml(indentQuotedContinuations(yamlText));
    } catch {
      // js-yaml stops at 100 levels of `[[[...]]]` (maxDepth) rather than overflow the stack.
      if (error instanceof RangeError || /call stack|maxDepth/i.test(String((error as Error).message))) return { ok: false, ruleId: 'too-deeply-nested', reason: 'front matter is too deeply nested to parse' };
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return { ok: false, ruleId: 'bad-front-matter', reason: `front matter is not valid YAML: ${message}` };
    }
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, ruleId: 'bad-front-matter', reason: 'front matter is not a YAML mapping' };
  }
  const bodyOffset = opening[0].length + closing.index + closing[0].length;
  const bodyStartLine = text.slice(0, bodyOffset).split('\n').length;
  return { ok: true, data: data as Record<string, unknown>, body: text.slice(bodyOffset), bodyStartLine };
}

/**
 * Hugo (Go YAML) accepts a double-quoted value whose closing quote sits on an unindented next
 * line (`description: "text\n"`), which strict YAML 1.2 rejects. Indent such continuation lines
 * so the value parses as Hugo read it.
 */
export function indentQuotedContinuations(yamlText: string): string {
  let open = false;
  return yamlText
    .split('\n')
    .map((line) => {
      const quotes = (line.replace(/\\./g, '').match(/"/g) ?? []).length;
      const result = open ? `  ${line}` : line;
      if (quotes % 2 === 1) open = !open;
      return result;
    })
    .join('\n');
}
