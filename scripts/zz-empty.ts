import http from 'node:http';
import { readFileSync } from 'node:fs';
const dir = process.argv[2] ?? '/tmp/s14-data'; const port = Number(process.argv[3] ?? 3041);
const meili = new URL(JSON.parse(readFileSync(`${dir}/meili-runtime.json`, 'utf8')).url);
const key = readFileSync(`${dir}/meili-master-key`, 'utf8').trim();
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function req(host: string, p: number, method: string, path: string, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const r = http.request({ host, port: p, method, path, agent, headers: body ? { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'content-length': Buffer.byteLength(body) } : {} }, (res) => { let n = 0; res.on('data', (c) => (n += c.length)); res.on('end', () => resolve(performance.now() - t)); });
    r.on('error', reject); r.end(body);
  });
}
const body = JSON.stringify({ queries: [{ indexUid: 'qa', q: '', page: 1, hitsPerPage: 10, sort: ['dateTs:desc'], facets: ['projects', 'year', 'kind'], attributesToRetrieve: ['id','kind','lang','question','answer','answerHtml','asker','issue','issueUrl','projects','projectSource','projectConfidence','followup','context','date','year','title','source','url'] }] });
const med = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1]!;
for (let round = 0; round < 3; round++) {
  const api: number[] = []; const rep: number[] = [];
  for (let i = 0; i < 150; i++) { api.push(await req('127.0.0.1', port, 'GET', '/api/search')); rep.push(await req(meili.hostname, Number(meili.port), 'POST', '/multi-search', body)); }
  console.log(`api p50 ${med(api).toFixed(2)} ms, replay p50 ${med(rep).toFixed(2)} ms, ratio ${(med(api) / med(rep)).toFixed(2)}`);
}
