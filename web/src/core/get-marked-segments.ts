/** A run of text, `marked` when it was inside `<mark>`. */
export interface MarkedSegment {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decode the character references of escaped text (`&lt;` → `<`); unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Split a highlight of the API (escaped text with `<mark>` only) into text runs. The runs are
 * plain text for `textContent`: nothing here is ever parsed as HTML, so even a highlight that
 * broke the contract could not inject markup (a stray tag would show as text).
 */
export function getMarkedSegments(html: string): MarkedSegment[] {
  const segments: MarkedSegment[] = [];
  let marked = false;
  for (const part of html.split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) {
      const text = decodeEntities(part);
      const last = segments[segments.length - 1];
      if (last && last.marked === marked) last.text += text;
      else segments.push({ text, marked });
    }
  }
  return segments;
}

/**
 * At most `maxLength` characters of `segments` around the first marked run (from the start
 * when nothing is marked), with `…` where text was cut. Whitespace runs are collapsed.
 */
export function getSnippetSegments(segments: MarkedSegment[], maxLength = 160, before = 30): MarkedSegment[] {
  const runs = segments.map((s) => ({ text: s.text.replace(/\s+/g, ' '), marked: s.marked }));
  const total = runs.reduce((n, s) => n + s.text.length, 0);
  if (total <= maxLength) return runs.filter((s) => s.text);
  let firstMark = 0;
  for (const run of runs) {
    if (run.marked) break;
    firstMark += run.text.length;
  }
  if (firstMark >= total) firstMark = 0;
  const start = Math.max(0, Math.min(firstMark - before, total - maxLength));
  const end = start + maxLength;
  const out: MarkedSegment[] = [];
  let offset = 0;
  for (const run of runs) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + run.text.length);
    if (to > from) out.push({ text: run.text.slice(from - offset, to - offset), marked: run.marked });
    offset += run.text.length;
  }
  if (start > 0) out.unshift({ text: '…', marked: false });
  if (end < total) out.push({ text: '…', marked: false });
  return out;
}
