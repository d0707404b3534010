// Clicks and 👍/👎 sent to the API. The body is JSON sent as text/plain: a "simple" request,
// so the widget on another site posts without a CORS preflight, and a click survives the
// navigation it causes (sendBeacon, else fetch with keepalive).

const SESSION_KEY = 'weekly-faq-session';
let memorySession: string | null = null;

function newSessionId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A random id for this browser tab's session (sessionStorage): makes a vote idempotent, names no one. */
export function getSessionId(): string {
  try {
    let id = sessionStorage.getItem(SESSION_KEY);
    if (!id || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) {
      id = newSessionId();
      sessionStorage.setItem(SESSION_KEY, id);
    }
    return id;
  } catch {
    memorySession ??= newSessionId();
    return memorySession;
  }
}

function post(url: string, body: object, beacon: boolean): Promise<boolean> {
  const text = JSON.stringify(body);
  if (beacon && typeof navigator.sendBeacon === 'function') {
    try {
      if (navigator.sendBeacon(url, new Blob([text], { type: 'text/plain' }))) return Promise.resolve(true);
    } catch {
      // fall through to fetch
    }
  }
  return fetch(url, { method: 'POST', body: text, headers: { 'Content-Type': 'text/plain' }, keepalive: true, credentials: 'omit' })
    .then((response) => response.ok, () => false);
}

/** Record that result `id` at 1-based `position` was opened for `query` (fire and forget). */
export function sendClick(baseUrl: string, click: { id: string; position: number; query: string }): void {
  void post(`${baseUrl}/api/click`, { ...click, session: getSessionId() }, true);
}

/** Send 👍 (`helpful: true`) or 👎 on answer `id`; resolves false when it could not be sent. */
export function sendFeedback(baseUrl: string, feedback: { id: string; helpful: boolean; query: string }): Promise<boolean> {
  return post(`${baseUrl}/api/feedback`, { ...feedback, session: getSessionId() }, false);
}

/** The API origin of this site's pages (the `weekly-faq-api` meta tag; '' = this origin). */
export function getPageApiBase(): string {
  return (document.querySelector<HTMLMetaElement>('meta[name="weekly-faq-api"]')?.content ?? '').replace(/\/+$/, '');
}
