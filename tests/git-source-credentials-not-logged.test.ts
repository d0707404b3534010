import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { Writable } from 'node:stream';
import { after, test } from 'node:test';
import { prepareGitSource } from '../indexer/sources/git-source.ts';
import { createLogger } from '../src/logger.ts';
import { makeTempDir } from './helpers/start-test-meili.ts';

const dirs: string[] = [];
after(async () => {
  await Promise.all(dirs.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

test('a failing clone of a URL with a password logs nothing that holds the password, cause chain included', async () => {
  const dataDir = await makeTempDir('weekly-faq-git-secret-');
  dirs.push(dataDir);
  let output = '';
  const destination = new Writable({ write(chunk, _encoding, done) { output += String(chunk); done(); } });
  const logger = createLogger({ level: 'debug', destination });
  // port 9 (discard) on loopback: nothing listens, so git fails at once without the network
  const source = 'https://someone:s3cr3tpass@127.0.0.1:9/x.git';
  let failure: unknown;
  try {
    await prepareGitSource({ source, dataDir, logger, timeoutMs: 60_000 });
  } catch (error) {
    failure = error;
  }
  assert.ok(failure instanceof Error, 'the clone fails');
  assert.equal((failure as { code?: string }).code, 'git-source-failed');
  // what the service and the CLIs do with a failed run: log the error with its cause chain
  logger.error({ err: failure }, `Reindex failed: ${failure.message}`);
  assert.match(output, /git clone/, 'the error line was written');
  assert.match(output, /someone:\*\*\*@127\.0\.0\.1/, 'the URL is shown, its password redacted');
  assert.doesNotMatch(output, /s3cr3tpass/);
  // and the error object itself, for any other consumer
  const cause = failure.cause as Error & { code?: unknown; cmd?: string };
  assert.ok(cause instanceof Error, 'the child-process error stays as the cause');
  assert.equal(typeof cause.code, 'number', 'its exit code is kept');
  assert.doesNotMatch(`${failure.message} ${failure.stack} ${cause.message} ${cause.stack} ${cause.cmd} ${JSON.stringify(failure)}`, /s3cr3tpass/);
});
