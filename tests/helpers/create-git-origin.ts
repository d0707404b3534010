import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { makeTempDir } from './start-test-meili.ts';

/** `git` in `cwd` with a fixed identity and branch name, whatever the machine's git config holds: its trimmed stdout. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** A git remote for the git-source tests, in a temp folder of its own. */
export interface GitOrigin {
  /** The temp folder holding everything below. */
  tmp: string;
  /** The bare repository: the source a service is given. */
  origin: string;
  /** A clone of it to commit from. */
  work: string;
  /** A DATA_DIR for the service's own clone (`DATA_DIR/sources`). */
  dataDir: string;
  /** Write `rel` in the clone (null: delete it), commit and push: the new commit's hash. */
  push(rel: string, text: string | null, message?: string): Promise<string>;
  /** Delete the temp folder. */
  remove(): Promise<void>;
}

/** A bare repository with a clone to push from (see `GitOrigin`); nothing committed yet. */
export async function createGitOrigin(prefix: string): Promise<GitOrigin> {
  const tmp = await makeTempDir(prefix);
  const origin = path.join(tmp, 'origin.git');
  const work = path.join(tmp, 'work');
  git(tmp, 'init', '-q', '--bare', origin);
  git(tmp, 'clone', '-q', origin, work);
  return {
    tmp, origin, work, dataDir: path.join(tmp, 'data'),
    async push(rel, text, message = rel) {
      const file = path.join(work, rel);
      if (text === null) await fs.rm(file);
      else {
        await fs.mkdir(path.dirname(file), { recursive: true });
        await fs.writeFile(file, text);
      }
      git(work, 'add', '-A');
      git(work, 'commit', '-q', '-m', message);
      git(work, 'push', '-q', 'origin', 'HEAD:main');
      return git(work, 'rev-parse', 'HEAD');
    },
    remove: () => fs.rm(tmp, { recursive: true, force: true }),
  };
}
