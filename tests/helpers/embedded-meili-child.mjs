// Child process for the no-orphan tests: starts the embedded Meilisearch, prints its pids as
// one JSON line, then ends the way argv[3] says. Plain JavaScript on the compiled modules of
// dist/ (TEST_BUILT_DIST under `npm test`, else the project's dist/, which the test brings up to
// date first): the same code as under tsx, whose start cost ~1.2 CPU-seconds more per child.
//   node tests/helpers/embedded-meili-child.mjs <dataDir> <hang|exit|throw|graceful>
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = process.env.TEST_BUILT_DIST || fileURLToPath(new URL('../../dist/', import.meta.url));
const load = (module) => import(pathToFileURL(path.join(dist, module)).href);
const { installShutdownHooks } = await load('src/install-shutdown-hooks.js');
const { createLogger } = await load('src/logger.js');
const { startEmbeddedMeili } = await load('src/meili/embedded-meili.js');

const [dataDir, mode] = process.argv.slice(2);
if (!dataDir || !mode) throw new Error('usage: embedded-meili-child.mjs <dataDir> <hang|exit|throw|graceful>');
const logger = createLogger({ level: process.env.TEST_LOG || 'silent', fd: 2, pretty: false });
const meili = await startEmbeddedMeili({ dataDir, logger });
if (mode === 'graceful') installShutdownHooks({ logger, cleanup: () => meili.stop() });
process.stdout.write(`${JSON.stringify({ pid: process.pid, meiliPid: meili.pid, watchdogPid: meili.watchdogPid, url: meili.url })}\n`);

if (mode === 'exit') process.exit(0); // without stop()
if (mode === 'throw') setTimeout(() => { throw new Error('simulated crash'); }, 10);
// hang / graceful: keep running until killed (the running server keeps the event loop alive)
