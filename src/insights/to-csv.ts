/** One CSV cell: quoted when needed; a leading = + - @ gets a `'` so a spreadsheet never runs it as a formula. */
function toCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV (CRLF line ends) of `rows`, with `columns` as the header and column order. */
export function toCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  const lines = [columns.map(toCell).join(',')];
  for (const row of rows) lines.push(columns.map((column) => toCell(row[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
