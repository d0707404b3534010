import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFileError } from '../../src/errors/data-file-error.ts';

let tempDir: string | null = null;
let written = 0;

/** `text` written as `name` in a folder of its own (removed when the process exits): a data file to load. */
export function writeTempDataFile(name: string, text: string): string {
  if (tempDir === null) {
    const dir = mkdtempSync(join(tmpdir(), 'data-file-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    tempDir = dir;
  }
  const folder = join(tempDir, String(written++));
  const file = join(folder, name);
  mkdirSync(folder);
  writeFileSync(file, text);
  return file;
}

/** `load(file)` throws the `DataFileError` a user reads: the file and the line named, and `message`. */
export function assertDataFileError(load: (file: string) => unknown, file: string, line: number, message: RegExp): void {
  assert.throws(() => load(file), (error: unknown) => {
    assert.ok(error instanceof DataFileError, String(error));
    assert.equal(error.code, 'data-file-invalid');
    assert.equal(error.file, file);
    assert.equal(error.line, line);
    assert.ok(error.message.includes(`${file}:${line}`), error.message);
    assert.match(error.message, message);
    return true;
  });
}
