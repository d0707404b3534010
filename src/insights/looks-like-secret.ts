import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { getRegexSourceSchema, loadYamlDataFile } from '../parse-yaml-data.ts';

const patternsFileSchema = z.object({
  description: z.string(),
  patterns: z.array(z.object({ name: z.string().check(z.minLength(1)), pattern: getRegexSourceSchema('iu') })).check(z.minLength(1)),
});

/**
 * Load and validate `src/data/secret-patterns.json` (or another file of the same shape).
 *
 * @throws {DataFileError} naming the file and the line of the first problem.
 */
export function loadSecretPatterns(file: URL = new URL('../data/secret-patterns.json', import.meta.url)): { name: string; regex: RegExp }[] {
  return loadYamlDataFile(fileURLToPath(file), patternsFileSchema).patterns.map((p) => ({ name: p.name, regex: new RegExp(p.pattern, 'iu') }));
}

let patterns: { name: string; regex: RegExp }[] | null = null;

/**
 * The name of the first secret pattern `query` matches (a password, a token, a key, an email
 * address...), or null. Such queries are never stored: the reader pasted something private.
 */
export function looksLikeSecret(query: string): string | null {
  patterns ??= loadSecretPatterns();
  for (const { name, regex } of patterns) if (regex.test(query)) return name;
  return null;
}
