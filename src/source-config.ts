import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { RECORD_KINDS, type RecordKind } from './qa-record.ts';
import { parseYamlData, regexSourceSchema } from './parse-yaml-data.ts';
import { redactUrlCredentials } from './redact-url-credentials.ts';

/**
 * Which content sources the indexer reads (`SOURCES`): each a kind (`weekly`, `faq`), a root (a
 * folder, file, git URL or bare repository) and that kind's patterns. Validated here, at the
 * configuration edge; `indexer/sources/create-content-sources.ts` turns them into readers.
 */

const common = {
  root: z.string().trim().min(1, 'expected a folder, file or git URL'),
  baseUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
};

const weeklySchema = z.strictObject({
  kind: z.literal('weekly'),
  ...common,
  /** Title of a weekly post (default /SOFA\s*Weekly/i). */
  titlePattern: z.optional(regexSourceSchema),
  /** Path of a weekly post relative to the root (default /(^|\/)sofa-weekly[^/]*\//i). */
  pathPattern: z.optional(regexSourceSchema),
  /** A category that also marks a weekly post (default: none). */
  categoryPattern: z.optional(regexSourceSchema),
});

const faqSchema = z.strictObject({
  kind: z.literal('faq'),
  ...common,
  /** Globs of FAQ pages relative to the root (default: the docs site's `content/<lang>/.../faq/`). */
  include: z.array(z.string().min(1)).min(1, 'expected at least one glob').optional(),
});

/** Kinds with patterns of their own; any other kind of `RECORD_KINDS` takes a root and a base URL only. */
const KIND_SCHEMAS = { weekly: weeklySchema, faq: faqSchema } as const;
const plainKindSchemas = RECORD_KINDS.filter((kind) => !(kind in KIND_SCHEMAS)).map((kind) => z.strictObject({ kind: z.literal(kind), ...common }));

export const sourceConfigSchema = z.discriminatedUnion('kind', [weeklySchema, faqSchema, ...plainKindSchemas], {
  error: (issue) => (issue.code === 'invalid_union' ? `expected a kind: ${RECORD_KINDS.join(' or ')}` : undefined),
});

export type SourceConfig = z.output<typeof sourceConfigSchema>;

const sourcesFileSchema = z.strictObject({ sources: z.array(sourceConfigSchema).min(1, 'expected at least one source') });

/** The sources a docs-site checkout holds: its weekly posts and its FAQ pages (`WEEKLY_SOURCE`'s meaning). */
export function getDefaultSourceConfigs(root: string): SourceConfig[] {
  return [{ kind: 'faq', root }, { kind: 'weekly', root }];
}

const isRemote = (root: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(root) || /^[\w.-]+@[\w.-]+:/.test(root);

/** A root of a sources file, relative to the file's folder (URLs as they are). */
function resolveRoot(root: string, folder: string): string {
  return isRemote(root) || path.isAbsolute(root) ? root : path.resolve(folder, root);
}

/**
 * The value of `SOURCES`: a YAML or JSON file (`sources.yaml`: `sources:` then a list of
 * `{kind, root, ...patterns}`, roots relative to the file), or the short form
 * `kind:root,kind:root` (`faq:../site,weekly:../site`). Throws an Error whose message says what
 * is wrong and where (file and line, or the entry).
 */
export function parseSourcesSetting(value: string): SourceConfig[] {
  if (/\.(ya?ml|json)$/i.test(value)) {
    let text: string;
    try {
      text = readFileSync(value, 'utf8');
    } catch (error) {
      throw new Error(`${value}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const parsed = parseYamlData(text, sourcesFileSchema);
    if (!parsed.ok) throw new Error(`${value}${parsed.problem.line ? ` line ${parsed.problem.line}` : ''}: ${parsed.problem.message}`);
    const folder = path.dirname(path.resolve(value));
    return parsed.data.sources.map((source) => ({ ...source, root: resolveRoot(source.root, folder) }));
  }
  return value.split(',').map((entry) => entry.trim()).filter(Boolean).map((entry, index) => {
    const match = /^([a-z]+):(.+)$/.exec(entry);
    if (!match) throw new Error(`entry ${index + 1} "${redactUrlCredentials(entry)}": expected kind:root (e.g. weekly:../sofastack.tech), or a .yaml/.json file`);
    const result = sourceConfigSchema.safeParse({ kind: match[1], root: match[2] });
    if (!result.success) {
      const kind = match[1] as RecordKind;
      const message = RECORD_KINDS.includes(kind) ? (result.error.issues[0]?.message ?? 'invalid') : `unknown kind "${match[1]}": expected ${RECORD_KINDS.join(' or ')}`;
      throw new Error(`entry ${index + 1} "${redactUrlCredentials(entry)}": ${redactUrlCredentials(message)}`);
    }
    return result.data;
  });
}

/**
 * The sources a run reads: the roots it was given (each a docs-site checkout), else `SOURCES`,
 * else `WEEKLY_SOURCE` as a docs-site checkout (its alias).
 */
export function getJobSources(config: { sources?: readonly SourceConfig[] | undefined; weeklySource?: string | undefined }, roots?: readonly string[]): SourceConfig[] {
  if (roots?.length) return roots.flatMap(getDefaultSourceConfigs);
  if (config.sources?.length) return [...config.sources];
  return config.weeklySource ? getDefaultSourceConfigs(config.weeklySource) : [];
}
