import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import jsYaml from 'js-yaml';
import type { Node } from 'yaml';
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { DataFileError } from './errors/data-file-error.ts';

// The data files are read on every CLI call and start, so their schemas are zod/mini's (26 KB
// bundled): classic zod brings every locale (750 KB, ~35 ms to load per process). Schemas of
// either kind are accepted. mini has no messages of its own: classic's English ones, as before.
z.config(en());

/** A problem in a YAML (or JSON) data file: where it is and what is wrong. */
export interface YamlDataProblem {
  /** 1-based line, or null when the problem has no place (an empty file). */
  line: number | null;
  /** `path / to / field: message`. */
  message: string;
}

/**
 * `yaml`, required only to report a problem: a valid file is read by js-yaml, so the 260 KB of
 * `yaml` stay out of every start (and out of the bundles).
 */
let yamlPackage: typeof import('yaml') | null = null;
const loadYaml = (): typeof import('yaml') => (yamlPackage ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

/** The YAML node at `path` (map keys and sequence indexes), for its line. */
function nodeAt(root: Node | null, path: readonly PropertyKey[]): Node | null {
  const { isMap, isScalar } = loadYaml();
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
 * Parse YAML text (JSON is YAML) and validate it with `schema`: the data, or the first problem
 * with its line (duplicate keys and syntax errors included). Pure.
 */
export function parseYamlData<S extends z.core.$ZodType>(text: string, schema: S): { ok: true; data: z.output<S> } | { ok: false; problem: YamlDataProblem } {
  // js-yaml reads a valid file 4-7x faster than \`yaml\` builds its document (every CLI and the
  // service start read the catalogue); only \`yaml\` keeps the source positions a problem is
  // reported with, so a file js-yaml or the schema refuses is read again that way. The core
  // schema, as \`yaml\`'s default: no timestamps, no merge keys; duplicate keys throw in both.
  let fast: { success: true; data: z.output<S> } | { success: false } = { success: false };
  try {
    fast = z.safeParse(schema, jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }));
  } catch {
    // not valid YAML for js-yaml: the slow path below names the line
  }
  if (fast.success) return { ok: true, data: fast.data };
  const { LineCounter, parseDocument } = loadYaml();
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true });
  const lineOf = (offset: number | undefined) => (offset === undefined ? null : lineCounter.linePos(offset).line);
  const [syntax] = document.errors;
  if (syntax) return { ok: false, problem: { line: lineOf(syntax.pos[0]), message: syntax.message.split('\n')[0] ?? 'not valid YAML' } };
  const result = z.safeParse(schema, document.toJS());
  if (result.success) return { ok: true, data: result.data };
  const issue = result.error.issues[0]!;
  const node = nodeAt(document.contents, issue.path);
  const where = issue.path.length ? `${issue.path.map(String).join(' / ')}: ` : '';
  // A bad key's own message is nested (`invalid_key`: "Invalid key in record" says nothing).
  const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  return { ok: false, problem: { line: lineOf(node?.range?.[0]), message: `${where}${message}` } };
}

/**
 * Read the YAML (or JSON) data file `file` and validate it with `schema`.
 *
 * @throws {DataFileError} naming the file, and the line of the first problem.
 */
export function loadYamlDataFile<S extends z.core.$ZodType>(file: string, schema: S): z.output<S> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DataFileError(file, null, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { cause: error });
  }
  const parsed = parseYamlData(text, schema);
  if (!parsed.ok) throw new DataFileError(file, parsed.problem.line, parsed.problem.message);
  return parsed.data;
}

/** A regular expression's source, as data files and settings write one (checked by compiling it with `flags`). */
export const getRegexSourceSchema = (flags = 'i') => z.string().check(
  z.minLength(1),
  z.refine((source) => {
    try {
      new RegExp(source, flags);
      return true;
    } catch {
      return false;
    }
  }, 'expected a regular expression'),
);

/** A regular expression's source, used case-insensitively (`i`). */
export const regexSourceSchema = getRegexSourceSchema();
