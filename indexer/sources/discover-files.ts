import { promises as fs } from 'node:fs';
import path from 'node:path';

/** A markdown file found under one of the given paths. */
export interface FoundFile {
  path: string;
  /** Path relative to the root it was found under, with forward slashes. */
  source: string;
  size: number;
}

/** A problem met while walking the tree (a symlink loop, an unreadable folder). */
export interface DiscoveryProblem {
  path: string;
  ruleId: 'symlink-loop' | 'unreadable-folder' | 'broken-link' | 'link-outside-source';
  reason: string;
}

export class PathNotFoundError extends Error {
  override name = 'PathNotFoundError';
  readonly code = 'PATH_NOT_FOUND';
  constructor(readonly missingPath: string) {
    super(`path does not exist: ${missingPath}`);
  }
}

const MARKDOWN = /\.(md|markdown)$/i;

/** Path relative to the root; a post folder given itself keeps its own name (`sofa-weekly-x/index.md`). */
function toSource(root: string, file: string): string {
  const relative = path.relative(root, file).split(path.sep).join('/');
  return relative.includes('/') ? relative : `${path.basename(root)}/${relative}`;
}

/**
 * Every markdown file under `paths` (folders are walked, files taken as they are), in a stable
 * order. Symlinks are followed only while they stay inside the folder given: one that leads out
 * of it (to `/etc/passwd`, to a key file) is reported (`link-outside-source`) and never read; a
 * link back into a folder being walked is a loop, reported once and not entered. Throws
 * `PathNotFoundError` only for a given path that does not exist.
 */
export async function discoverFiles(
  paths: readonly string[],
  onProblem: (problem: DiscoveryProblem) => void = () => {},
): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  for (const given of paths) {
    const stat = await fs.stat(given).catch(() => null);
    if (!stat) throw new PathNotFoundError(given);
    if (stat.isFile()) {
      found.push({ path: given, source: given.split(path.sep).join('/').replace(/^\.\//, ''), size: stat.size });
      continue;
    }
    const root = path.resolve(given);
    const realRoot = await fs.realpath(root);
    await walk({ root, realRoot, found, onProblem }, root, new Set([realRoot]));
  }
  return found;
}

interface Walk {
  root: string;
  /** The root with every symlink resolved: what a followed link must stay inside. */
  realRoot: string;
  found: FoundFile[];
  onProblem: (problem: DiscoveryProblem) => void;
}

function isInside(realRoot: string, real: string): boolean {
  return real === realRoot || real.startsWith(realRoot.endsWith(path.sep) ? realRoot : `${realRoot}${path.sep}`);
}

async function walk(
  { root, realRoot, found, onProblem }: Walk,
  folder: string,
  ancestors: Set<string>,
): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch (error) {
    onProblem({ path: folder, ruleId: 'unreadable-folder', reason: `cannot read folder: ${(error as Error).message}` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(folder, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    let size = 0;
    if (entry.isSymbolicLink()) {
      // Resolve before anything reads through the link: one that leaves the root is never followed.
      const real = await fs.realpath(full).catch(() => null);
      if (real !== null && !isInside(realRoot, real)) {
        onProblem({ path: full, ruleId: 'link-outside-source', reason: `symbolic link to ${real}, outside ${realRoot}; not followed` });
        continue;
      }
    }
    if (entry.isSymbolicLink() || isFile) {
      const stat = await fs.stat(full).catch(() => null);
      if (!stat) {
        onProblem({ path: full, ruleId: 'broken-link', reason: 'symbolic link to nothing' });
        continue;
      }
      isDirectory = stat.isDirectory();
      isFile = stat.isFile();
      size = stat.size;
    }
    if (isDirectory) {
      const real = await fs.realpath(full).catch(() => full);
      if (ancestors.has(real)) {
        onProblem({ path: full, ruleId: 'symlink-loop', reason: `symbolic link loop (points back to ${real}); not followed` });
        continue;
      }
      await walk({ root, realRoot, found, onProblem }, full, new Set([...ancestors, real]));
    } else if (isFile && MARKDOWN.test(entry.name)) {
      found.push({ path: full, source: toSource(root, full), size });
    }
  }
}
