/**
 * The bundles parse markdown with micromark's constructs combined once per processor
 * (scripts/reuse-micromark-constructs.ts): documents parsed one after another by one processor
 * must come out as they do unbundled, with nothing of one (its link definitions) leaking into the next.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { reuseMicromarkConstructs } from '../scripts/reuse-micromark-constructs.ts';

const ROOT = path.join(import.meta.dirname, '..');
const PARSE_TWICE = `
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
const processor = unified().use(remarkParse).use(remarkGfm).freeze();
const documents = ['[a]: https://example.org\\n\\n见 [a] 和 ~~删除~~', '见 [a]，| x | y |\\n|---|---|\\n| 1 | 2 |', '- [ ] 任务 https://b.example'];
const trees = documents.map((document) => processor.parse(document));
process.stdout.write(JSON.stringify(trees, (key, value) => (key === 'position' ? undefined : value)));
`;

test('documents parsed by one processor in a bundle come out as unbundled, nothing shared between them', async () => {
  const dir = mkdtempSync(path.join(ROOT, '.test-micromark-'));
  try {
    const entry = path.join(dir, 'entry.mjs');
    writeFileSync(entry, PARSE_TWICE);
    const bundled = path.join(dir, 'bundled.mjs');
    await build({ entryPoints: [entry], outfile: bundled, bundle: true, platform: 'node', format: 'esm', logLevel: 'silent', plugins: [reuseMicromarkConstructs()] });
    assert.match(readFileSync(bundled, 'utf8'), /combineOnce\(settings\.extensions\)/, 'the plugin rewrote micromark\'s parse');
    const unbundledTrees = JSON.parse(execFileSync(process.execPath, [entry], { encoding: 'utf8' }));
    const bundledTrees = JSON.parse(execFileSync(process.execPath, [bundled], { encoding: 'utf8' }));
    assert.deepEqual(bundledTrees, unbundledTrees);
    // the second document's [a] is text: the first one's definition stays with it
    assert.equal(JSON.stringify(bundledTrees[1]).includes('linkReference'), false);
    assert.equal(JSON.stringify(bundledTrees[0]).includes('linkReference'), true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
