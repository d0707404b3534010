/**
 * A path glob as a regular expression over forward-slash paths: `**` any folders (also none),
 * `*` any characters but `/`, `?` one such character; everything else literal. Enough for
 * source patterns (`content/*\/projects/*\/faq/**`) without a glob library.
 */
export function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index]!;
    if (char === '*' && glob[index + 1] === '*') {
      // `**/` matches zero or more whole folders; a trailing `**` everything below
      const slash = glob[index + 2] === '/';
      pattern += slash ? '(?:[^/]*/)*' : '.*';
      index += slash ? 2 : 1;
    } else if (char === '*') pattern += '[^/]*';
    else if (char === '?') pattern += '[^/]';
    else pattern += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}

/** True when `source` matches one of `globs`. */
export function matchesAnyGlob(globs: readonly RegExp[], source: string): boolean {
  return globs.some((glob) => glob.test(source));
}
