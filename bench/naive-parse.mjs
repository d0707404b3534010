// The naive floor of extraction as a whole process: read every markdown file under the folders
// given and parse it with remark-parse + GFM, nothing else. Plain JavaScript run by node itself,
// so it pays no transpiler: `node bench/naive-parse.mjs <folder>...` (bench/measure-startup.ts).
import fs from 'node:fs/promises';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm);
let files = 0;
let bytes = 0;
for (const folder of process.argv.slice(2)) {
  const entries = await fs.readdir(folder, { withFileTypes: true, recursive: true });
  for (const entry of entries) {
    if (!entry.isFile() || !/\.(md|markdown)$/i.test(entry.name)) continue;
    const text = await fs.readFile(path.join(entry.parentPath, entry.name), 'utf8');
    processor.parse(text);
    files += 1;
    bytes += Buffer.byteLength(text);
  }
}
process.stderr.write(`parsed ${files} markdown files, ${(bytes / 1e6).toFixed(1)} MB\n`);
