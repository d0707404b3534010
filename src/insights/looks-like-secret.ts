import { readFileSync } from 'node:fs';
import { z } from 'zod';

const patternsFileSchema = z.object({
  description: z.string(),
  patterns: z.array(z.object({
    name: z.string().min(1),
    pattern: z.string().min(1).refine((source) => {
      try {
        new RegExp(source, 'iu');
        return true;
      } catch {
        return false;
      }
    }, 'expected a valid regular expression'),
  })).min(1),
});

/** Load and validate `src/data/secret-patterns.json` (or another file of the same shape). */
export function loadSecretPatterns(file: URL = new URL('../data/secret-patterns.json', import.meta.url)): { name: string; regex: RegExp }[] {
  const parsed = patternsFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`loadSecretPatterns: ${file.pathname}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data.patterns.map((p) => ({ name: p.name, regex: new RegExp(p.pattern, 'iu') }));
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
