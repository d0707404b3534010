/**
 * A question as the status line quotes it back: on one line, and at most `max` characters (a
 * pasted log of 3,000 characters quoted whole pushes the results off the screen, and a screen
 * reader reads the status out in full).
 */
export function getShownQuery(query: string, max = 80): string {
  const line = query.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}
