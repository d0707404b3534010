/**
 * `node --import tsx bench/naive-parse-posts.ts <folder>`
 * The floor the extractor is compared with, as a whole process: find every markdown file under
 * the folder (as the extractor does) and parse each with remark-parse + GFM, nothing else.
 */
import { promises as fs } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { discoverFiles } from '../indexer/sources/discover-files.ts';

const folder = process.argv[2];
if (!folder) {
  process.stderr.write('usage: naive-parse-posts.ts <folder>\n');
  process.exit(2);
}
const processor = unified().use(remarkParse).use(remarkGfm).freeze();
let nodes = 0;
for (const file of await discoverFiles([folder])) {
  nodes += processor.parse(await fs.readFile(file.path, 'utf8')).children.length;
}
process.stderr.write(`parsed, ${nodes} top-level nodes\n`);
