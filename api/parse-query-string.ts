import { parse } from 'node:querystring';
import { InvalidParameterError } from '../src/errors/invalid-parameter-error.ts';

/** `+` is a space in a query string; every `%` must start a valid UTF-8 escape. */
function decodeComponent(text: string): string | null {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return null;
  }
}

/**
 * Express's query parser (`app.set('query parser', ...)`; Express passes null when the URL has no `?`): Node's `querystring.parse`, the one
 * Express's `simple` parser is (repeated parameters become arrays, nothing nests), except that
 * an invalid `%` escape is refused. `querystring` would keep a lone `%` as it is and turn a
 * broken UTF-8 escape (`%E4%zz`) into U+FFFD, so a garbled link searched for garbage; the path
 * already gets a 400 for the same mistake.
 *
 * @throws {InvalidParameterError} naming the parameter whose name or value holds the escape
 *   (Express turns the throw of `req.query` into the error answer).
 */
export function parseQueryString(query: string | null | undefined): Record<string, string | string[]> {
  if (!query) return {};
  if (query.includes('%')) {
    for (const pair of query.split('&')) {
      if (!pair.includes('%')) continue;
      const split = pair.indexOf('=');
      const rawName = split === -1 ? pair : pair.slice(0, split);
      const name = decodeComponent(rawName);
      const value = split === -1 ? '' : pair.slice(split + 1);
      if (name !== null && decodeComponent(value) !== null) continue;
      const shown = name === null ? rawName : value;
      throw new InvalidParameterError(name ?? rawName, `invalid percent escape in ${JSON.stringify(shown.length > 40 ? `${shown.slice(0, 40)}…` : shown)}: each "%" must start a UTF-8 escape like %E4%B8%AD (a "%" itself is written %25)`);
    }
  }
  return parse(query) as Record<string, string | string[]>;
}
