import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../', import.meta.url));

/** Markdown without fenced code blocks and code spans: a `[x](y)` there is an example, not a link. */
function stripCode(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as `-`, repeats numbered. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of markdown.replace(/^```[\s\S]*?^```/gm, '').split('\n')) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const slug = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Every relative link or image of the given markdown files whose file or heading does not exist. */
function findBrokenLinks(files: string[]): string[] {
  const broken: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of stripCode(text).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      const link = match[1] ?? '';
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue;
      const [target = '', anchor] = link.split('#');
      const resolved = target === '' ? file : path.resolve(path.dirname(file), decodeURIComponent(target));
      const where = `${path.relative(repo, file)}: ${link}`;
      if (!existsSync(resolved)) broken.push(`${where} (no such file)`);
      else if (anchor !== undefined && resolved.endsWith('.md') && statSync(resolved).isFile()
        && !headingAnchors(readFileSync(resolved, 'utf8')).has(decodeURIComponent(anchor))) {
        broken.push(`${where} (no such heading)`);
      }
    }
  }
  return broken;
}

test('every relative link in README.md and docs/*.md leads to a file (and heading) that exists', () => {
  const docs = path.join(repo, 'docs');
  const files = [path.join(repo, 'README.md'), ...readdirSync(docs).filter((f) => f.endsWith('.md')).map((f) => path.join(docs, f))];
  assert.ok(files.length >= 5, 'the docs pages are found');
  assert.deepEqual(findBrokenLinks(files), []);
});

test('a link to a missing file or heading is reported; links in code are not links', (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'docs-links-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, 'docs'));
  writeFileSync(path.join(dir, 'docs', 'page.md'), '# A page\n\n## Two words\n');
  const readme = path.join(dir, 'README.md');
  writeFileSync(readme, [
    '# Top',
    '[ok](docs/page.md) [ok](docs/page.md#two-words) [ok](#top) [web](https://example.org/x)',
    '[gone](docs/gone.md) ![gone](docs/screenshots/gone.png) [bad anchor](docs/page.md#three-words)',
    '`[code](docs/code.md)`',
    '```md',
    '[fenced](docs/fenced.md)',
    '```',
  ].join('\n'));
  const broken = findBrokenLinks([readme]).map((line) => line.replace(/^.*?: /, ''));
  assert.deepEqual(broken, [
    'docs/gone.md (no such file)',
    'docs/screenshots/gone.png (no such file)',
    'docs/page.md#three-words (no such heading)',
  ]);
});
