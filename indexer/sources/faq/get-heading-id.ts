/**
 * The id Hugo gives a heading, with its default `autoHeadingIDType = "github"`: the heading's
 * text trimmed, each space or `-` a `-`, letters (any script: Chinese stays as it is), digits
 * and `_` kept and lower-cased, everything else (punctuation, full-width `：？（）` included)
 * dropped. Pure.
 *
 * @see https://gohugo.io/functions/urls/anchorize/
 */
export function getHeadingId(text: string): string {
  let id = '';
  for (const char of text.trim()) {
    if (char === '-' || /\s/u.test(char)) id += '-';
    else if (char === '_' || /[\p{L}\p{Nd}]/u.test(char)) id += char.toLowerCase();
  }
  return id;
}

/**
 * Ids of a page's headings in order, as Hugo makes them unique: a repeated id gets `-1`, `-2`...;
 * an empty one is `heading`. Every heading counts, questions or not.
 */
export function getUniqueHeadingIds(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  return texts.map((text) => {
    const base = getHeadingId(text) || 'heading';
    let id = base;
    for (let n = 1; seen.has(id); n += 1) id = `${base}-${n}`;
    seen.add(id);
    return id;
  });
}
