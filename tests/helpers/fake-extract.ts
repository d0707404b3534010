import fs from 'node:fs/promises';
import path from 'node:path';
import type { ExtractOptions, PostResult } from '../../indexer/extract/extract-corpus.ts';
import { makeRecord } from './make-record.ts';

/**
 * A stand-in extractor for reindex tests that must not depend on the real extractor's rules:
 * every `.md` file under `paths` is a weekly post whose non-empty lines are its questions
 * (one record each); a file starting with `skip` is skipped with ruleId `not-weekly-test`.
 */
export async function* fakeExtract(paths: string[], _options: ExtractOptions = {}): AsyncGenerator<PostResult> {
  for (const root of paths) {
    const files = (await fs.readdir(root, { recursive: true })).filter((f) => f.endsWith('.md')).sort();
    for (const rel of files) {
      const full = path.join(root, rel);
      const text = await fs.readFile(full, 'utf8');
      const source = rel.split(path.sep).join('/');
      if (text.startsWith('skip')) {
        yield { path: full, source, status: 'skipped', kind: null, title: null, date: null, records: [], messages: [{ ruleId: 'not-weekly-test', reason: 'test' }] };
        continue;
      }
      const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
      const records = lines.map((question, i) => makeRecord(i, { id: `${source.replace(/[^A-Za-z0-9]/g, '_')}-${i}`, question, source }));
      yield { path: full, source, status: 'extracted', kind: 'weekly', title: 'test', date: '2021-03-19', records, messages: [] };
    }
  }
}
