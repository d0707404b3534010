import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { loadConfig } from '../src/config.ts';
import { ConfigError } from '../src/errors/config-error.ts';
import { makeTempDir } from './helpers/start-test-meili.ts';

// DATA_DIR naming a file stopped the start with "EEXIST: file already exists, mkdir '<path>'",
// naming neither the variable nor what is wrong with it.

let tmp: string;
before(async () => {
  tmp = await makeTempDir('weekly-faq-data-dir-file-');
});
after(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

test('DATA_DIR naming an existing file is a configuration error naming DATA_DIR and the file', async () => {
  const file = path.join(tmp, 'data');
  await fs.writeFile(file, 'not a folder\n');
  assert.throws(() => loadConfig({ DATA_DIR: file }), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.equal(error.variable, 'DATA_DIR');
    assert.ok(error.message.includes(`${file} is a file, expected a folder`), error.message);
    return true;
  });
});

test('DATA_DIR naming an existing folder, or one still to be made, is accepted', async () => {
  assert.equal(loadConfig({ DATA_DIR: tmp }).dataDir, tmp);
  assert.equal(loadConfig({ DATA_DIR: path.join(tmp, 'new', 'data') }).dataDir, path.join(tmp, 'new', 'data'));
});
