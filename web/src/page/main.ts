// The search page and the permalink pages: one bundle (`/assets/page.js`), routed by path.
import { createApiClient } from '../core/api-client.ts';
import { translations } from '../core/translations.ts';
import { createQaPage } from './create-qa-page.ts';
import { createSearchPage } from './create-search-page.ts';

const root = document.getElementById('app');
if (root) {
  const baseUrl = document.querySelector<HTMLMetaElement>('meta[name="weekly-faq-api"]')?.content ?? '';
  const client = createApiClient({ baseUrl });
  const qa = /^\/qa\/([^/]+)\/?$/.exec(location.pathname);
  if (qa) createQaPage(root, client, decodeURIComponent(qa[1]!), translations);
  else createSearchPage(root, client, translations);
}
