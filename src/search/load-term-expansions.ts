import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, isMap, isScalar, type Node } from 'yaml';
import { z } from 'zod';
import { DataFileError } from '../errors/data-file-error.ts';

/**
 * The English -> Chinese domain terms (`src/data/term-expansions.yaml`), validated: keys are
 * lower-case English words or phrases, values non-empty lists of Chinese words. Read once at
 * start; anything malformed throws a `DataFileError` naming the file and the line.
 */

const HAN_WORD = /^[\p{Script=Han}A-Za-z0-9]*\p{Script=Han}[\p{Script=Han}A-Za-z0-9]*$/u;

export const termExpansionsSchema = z.record(
  z.string().regex(/^[a-z0-9][a-z0-9.+/-]*(?: [a-z0-9][a-z0-9.+/-]*)*$/, 'a key is a lower-case English word or phrase'),
  z.array(z.string().regex(HAN_WORD, 'an equivalent is a Chinese word')).min(1, 'give at least one Chinese equivalent'),
);

export type TermExpansions = z.output<typeof termExpansionsSchema>;

export const TERM_EXPANSIONS_FILE = fileURLToPath(new URL('../data/term-expansions.yaml', import.meta.url));

/** The YAML node at `path` (keys of maps), for its line. */
function nodeAt(root: Node | null, path: readonly PropertyKey[]): Node | null {
  let node: Node | null = root;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      node = (pair?.value as Node | null) ?? (pair?.key as Node | null) ?? null;
    } else if (node && 'items' in node && Array.isArray((node as { items: unknown[] }).items) && typeof key === 'number') {
      node = ((node as { items: Node[] }).items[key]) ?? null;
    } else return node;
  }
  return node;
}

/**
 * Parse and validate the term expansions of `text` (the contents of `file`).
 *
 * @throws {DataFileError} naming `file` and the line of the first problem.
 */
export function parseTermExpansions(text: string, file: string): TermExpansions {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => (offset === undefined ? null : lineCounter.linePos(offset).line);
  const [syntax] = document.errors;
  if (syntax) throw new DataFileError(file, lineOf(syntax.pos[0]), syntax.message.split('\n')[0] ?? 'not valid YAML', { cause: syntax });
  const result = termExpansionsSchema.safeParse(document.toJS());
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const node = nodeAt(document.contents, issue.path);
  const where = issue.path.length ? `${issue.path.map(String).join(' / ')}: ` : '';
  // A bad key's own message is nested (`invalid_key`: "Invalid key in record" says nothing).
  const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  throw new DataFileError(file, lineOf(node?.range?.[0]), `${where}${message}`, { cause: result.error });
}

/** The term expansions of `file` (default: `src/data/term-expansions.yaml`). */
export function loadTermExpansions(file = TERM_EXPANSIONS_FILE): TermExpansions {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DataFileError(file, null, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { cause: error });
  }
  return parseTermExpansions(text, file);
}
