// Child process for the no-orphan tests: starts the embedded Meilisearch, prints its pids as
// one JSON line, then ends the way argv[3] says.
//   node --import tsx tests/helpers/embedded-meili-child.ts <dataDir> <hang|exit|throw|graceful>
import { installShutdownHooks } from '../../src/install-shutdown-hooks.ts';
import { createLogger } from '../../src/logger.ts';
import { startEmbeddedMeili } from '../../src/meili/embedded-meili.ts';

const [dataDir, mode] = process.argv.slice(2);
if (!dataDir || !mode) throw new Error('usage: embedded-meili-child.ts <dataDir> <hang|exit|throw|graceful>');
const logger = createLogger({ level: process.env.TEST_LOG || 'silent', fd: 2, pretty: false });
const meili = await startEmbeddedMeili({ dataDir, logger });
if (mode === 'graceful') installShutdownHooks({ logger, cleanup: () => meili.stop() });
process.stdout.write(`${JSON.stringify({ pid: process.pid, meiliPid: meili.pid, watchdogPid: meili.watchdogPid, url: meili.url })}\n`);

if (mode === 'exit') process.exit(0); // without stop()
if (mode === 'throw') setTimeout(() => { throw new Error('simulated crash'); }, 10);
// hang / graceful: keep running until killed (the running server keeps the event loop alive)
