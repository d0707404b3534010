// The insights page (`/admin`): asks for the admin token, then shows `GET /api/admin/insights`
// as tables and small SVG charts, with a CSV download per list.
import { h, replaceChildren } from '../dom/h.ts';
import css from './admin.css';
import { renderBarChart } from './render-bar-chart.ts';
import type { InsightsReport as Report, QueryRow } from '../../../src/insights/query-insights.ts';

const TOKEN_KEY = 'weekly-faq-admin-token';
const root = document.getElementById('admin')!;
try {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
} catch {
  // an old browser: the page still works with page.css alone
}

const storage = (() => {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
})();

function authFetch(path: string): Promise<Response> {
  return fetch(path, { headers: { Authorization: `Bearer ${storage?.getItem(TOKEN_KEY) ?? ''}` } });
}

function table<T>(rows: T[], columns: [string, (row: T) => string | number | Node, boolean?][]): HTMLElement {
  if (!rows.length) return h('p', null, 'Nothing recorded in this period.');
  return h('table', null,
    h('thead', null, h('tr', null, columns.map(([label, , num]) => h('th', { class: num ? 'num' : null }, label)))),
    h('tbody', null, rows.map((row) => h('tr', null, columns.map(([, get, num]) => {
      const value = get(row);
      return h('td', { class: num ? 'num' : null }, typeof value === 'number' ? String(value) : value);
    })))));
}

function csvButton(list: string, days: number): HTMLButtonElement {
  return h('button', { type: 'button', class: 'csv', onclick: async () => {
    const response = await authFetch(`/api/admin/insights.csv?list=${list}&days=${days}`);
    if (!response.ok) return;
    const url = URL.createObjectURL(await response.blob());
    const link = h('a', { href: url, download: `insights-${list}.csv` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } }, 'CSV');
}

const queryColumns: [string, (row: QueryRow) => string | number | Node, boolean?][] = [
  ['Query', (r) => h('a', { href: `/?q=${encodeURIComponent(r.query)}`, target: '_blank' }, r.query)],
  ['Searches', (r) => r.searches, true], ['Avg hits', (r) => r.avgHits, true], ['Zero hits', (r) => r.zeroHit, true],
  ['No strong answer', (r) => r.noStrong, true], ['Clicks', (r) => r.clicks, true], ['CTR', (r) => `${Math.round(r.ctr * 100)}%`, true],
  ['Last seen', (r) => r.lastSeen.slice(0, 10)],
];

function renderReport(report: Report, days: number, container: HTMLElement): void {
  const t = report.totals;
  const section = (title: string, list: string, ...content: Node[]) => [h('h2', null, title, csvButton(list, days)), ...content];
  replaceChildren(container,
    h('ul', { class: 'totals' }, ([
      ['Searches', t.searches], ['With words', t.withQuery], ['Zero hits', t.zeroHit], ['No strong answer', t.noStrong],
      ['Clicks', t.clicks], ['👍', t.helpful], ['👎', t.unhelpful],
    ] as const).map(([label, value]) => h('li', null, h('b', null, String(value)), label))),
    ...section('Searches per week', 'weeks',
      renderBarChart({ title: 'Searches per week', labels: report.weeks.map((w) => w.week), series: [
        { label: 'searches', values: report.weeks.map((w) => w.searches), className: 'bar-all' },
        { label: 'no strong answer', values: report.weeks.map((w) => w.noStrong), className: 'bar-weak' },
        { label: 'zero hits', values: report.weeks.map((w) => w.zeroHit), className: 'bar-zero' },
      ] }),
      h('p', { class: 'legend' }, h('span', { class: 'all' }, 'all searches'), h('span', { class: 'weak' }, 'no strong answer'), h('span', { class: 'zero' }, 'zero hits'))),
    ...section('Content gaps: queries without a strong answer', 'content-gaps', table(report.contentGaps, queryColumns)),
    ...section('Zero-hit queries', 'zero-hit-queries', table(report.zeroHitQueries, queryColumns)),
    ...section('Top queries', 'top-queries', table(report.topQueries, queryColumns)),
    ...section('Answers marked unhelpful', 'unhelpful-answers', table(report.unhelpfulAnswers, [
      ['Answer', (r) => h('a', { href: `/qa/${encodeURIComponent(r.recordId)}`, target: '_blank' }, r.recordId)],
      ['👎', (r) => r.unhelpful, true], ['👍', (r) => r.helpful, true],
      ['Queries that led there', (r) => r.queries.map((q) => `${q.query} (${q.count})`).join('; ')],
    ])),
    ...section('Per detected project', 'projects',
      renderBarChart({ title: 'Searches per detected project', labels: report.projects.map((p) => p.project ?? '(none)'), series: [
        { label: 'searches', values: report.projects.map((p) => p.searches), className: 'bar-all' },
        { label: 'no strong answer', values: report.projects.map((p) => p.noStrong), className: 'bar-weak' },
      ], height: 120 }),
      table(report.projects, [['Project', (r) => r.project ?? '(none)'], ['Searches', (r) => r.searches, true], ['Zero hits', (r) => r.zeroHit, true], ['No strong answer', (r) => r.noStrong, true]])),
    ...section('Per origin', 'origins', table(report.origins, [['Client', (r) => r.client], ['Host page origin', (r) => r.origin ?? ''], ['Searches', (r) => r.searches, true]])),
  );
}

function showLogin(message = ''): void {
  const input = h('input', { type: 'password', name: 'token', autocomplete: 'current-password', 'aria-label': 'Admin token', placeholder: 'ADMIN_TOKEN' });
  replaceChildren(root, h('div', { class: 'admin' }, h('h1', null, 'Search insights'),
    h('form', { class: 'toolbar', onsubmit: (event: Event) => {
      event.preventDefault();
      storage?.setItem(TOKEN_KEY, input.value.trim());
      void load(30);
    } }, input, h('button', { type: 'submit' }, 'Show')),
    message ? h('p', { class: 'error', role: 'alert' }, message) : null));
  input.focus();
}

async function load(days: number): Promise<void> {
  const status = h('p', { role: 'status' }, 'Loading…');
  const body = h('div', null, status);
  const select = h('select', { 'aria-label': 'Period', onchange: () => void load(Number(select.value)) },
    [7, 30, 90, 365].map((d) => h('option', { value: String(d), selected: d === days }, `last ${d} days`)));
  replaceChildren(root, h('div', { class: 'admin' }, h('h1', null, 'Search insights'),
    h('div', { class: 'toolbar' }, select, h('button', { type: 'button', onclick: () => {
      storage?.removeItem(TOKEN_KEY);
      showLogin();
    } }, 'Forget token')), body));
  const response = await authFetch(`/api/admin/insights?days=${days}`).catch(() => null);
  if (response?.status === 401 || response?.status === 404) {
    storage?.removeItem(TOKEN_KEY);
    showLogin(response.status === 401 ? 'The token was refused.' : 'The insights are off here (ADMIN_TOKEN is not set, or INSIGHTS_DB is off).');
    return;
  }
  if (!response?.ok) {
    status.textContent = `The insights cannot be read now${response ? ` (HTTP ${response.status})` : ''}.`;
    return;
  }
  renderReport(await response.json() as Report, days, body);
}

if (storage?.getItem(TOKEN_KEY)) void load(30);
else showLogin();
