// The search page and the permalink pages: one bundle (`/assets/page.js`), routed by path.
import { createApiClient } from '../core/api-client.ts';
import { pickTranslations } from '../core/pick-translations.ts';
import { createQaPage } from './create-qa-page.ts';
import { createSearchPage } from './create-search-page.ts';
import { enhanceAnswerPage } from './enhance-answer-page.ts';

const root = document.getElementById('app');
if (root) {
  const translations = pickTranslations(navigator.languages);
  // the shell is sent before the language is known; the answer pages' server already picked it
  if (!root.dataset.page) document.documentElement.lang = translations.lang;
  const baseUrl = document.querySelector<HTMLMetaElement>('meta[name="weekly-faq-api"]')?.content ?? '';
  const client = createApiClient({ baseUrl });
  const qa = /^\/qa\/([^/]+)\/?$/.exec(location.pathname);
  if (root.dataset.page === 'answer') enhanceAnswerPage(root, translations);
  else if (root.dataset.page === 'answer-error') {
    // the server said what is wrong; nothing to add
  } else if (qa) {
    let id = qa[1]!;
    try {
      id = decodeURIComponent(id);
    } catch {
      // a malformed escape: the API answers "not found" for the id as it is
    }
    createQaPage(root, client, id, translations);
  }
  else createSearchPage(root, client, translations, { askUrl: document.querySelector<HTMLMetaElement>('meta[name="weekly-faq-ask-url"]')?.content ?? '' });
}
