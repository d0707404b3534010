// The least a service between the client and Meilisearch can cost: for `GET /floor/N` it sends
// search N's recorded Meilisearch requests (the API's own, phase after phase, the idle or busy
// form as the API chooses), parses every answer as JSON, and writes the API's recorded answer
// to search N. No routing, no middleware, no relevance work. Plain JavaScript on purpose: no
// loader in the measured process. Started by bench/measure-service-floor.ts.
//
//   node bench/service-floor-server.mjs SPEC.json   (SPEC: { meiliUrl, framework, searches: [{ idle, busy, answer }] })
//   prints `listening PORT` when ready.
import fs from 'node:fs';
import http from 'node:http';
import { Pool } from 'undici';

const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const pool = new Pool(new URL(spec.meiliUrl).origin, { connections: 64 });
const answers = spec.searches.map((search) => Buffer.from(search.answer));
let inFlight = 0;

// undici's Pool, as the service's own transport (src/meili/create-meili-transport.ts)
async function send(req) {
  const { statusCode, body } = await pool.request({ method: req.method, path: req.path, headers: req.headers, body: req.body });
  const parsed = await body.json();
  if (statusCode < 200 || statusCode >= 300) throw new Error(`Meilisearch ${statusCode} on ${req.path}`);
  return parsed;
}

async function answer(index, res) {
  const search = spec.searches[index];
  if (!search) {
    res.writeHead(404).end();
    return;
  }
  const phases = inFlight === 0 ? search.idle : search.busy;
  inFlight += 1;
  try {
    for (const phase of phases) await Promise.all(phase.map(send));
  } finally {
    inFlight -= 1;
  }
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': answers[index].length });
  res.end(answers[index]);
}

const fail = (res) => (error) => {
  if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
  res.end(String(error));
};

let server;
if (spec.framework === 'express') {
  const { default: express } = await import('express');
  const app = express();
  app.get('/floor/:index', (req, res) => {
    answer(Number(req.params.index), res).catch(fail(res));
  });
  server = http.createServer(app);
} else {
  server = http.createServer((req, res) => {
    answer(Number(req.url.slice('/floor/'.length)), res).catch(fail(res));
  });
}
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
