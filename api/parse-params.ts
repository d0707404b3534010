import type { z } from 'zod';
import { InvalidParameterError } from '../src/errors/invalid-parameter-error.ts';

/**
 * Validate request parameters with one of `request-schemas.ts`'s schemas.
 *
 * @throws {InvalidParameterError} naming the first offending parameter (an unknown parameter
 *   is named too).
 */
export function parseParams<S extends z.ZodObject>(schema: S, input: unknown): z.output<S> {
  // reportInput: the refused value, for a list the one item (a client drops just that one)
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const accepted = Object.keys(schema.shape);
    throw new InvalidParameterError(issue.keys[0] ?? 'request', `unknown parameter (accepted: ${accepted.join(', ') || 'none'})`);
  }
  const value = typeof issue?.path[1] === 'number' && typeof issue.input === 'string' ? issue.input : undefined;
  throw new InvalidParameterError(String(issue?.path[0] ?? 'request'), issue?.message ?? 'invalid value', { cause: result.error, ...(value !== undefined && { value }) });
}
