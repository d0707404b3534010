import { Router, type Request } from 'express';
import type { ApiRecord } from '../src/contract/api-record.ts';
import { MAX_QUERY_LENGTH, recordParamsSchema, toSearchRequest } from '../src/contract/request-schemas.ts';
import type { SearchBackend } from '../src/contract/search-backend.ts';
import { getWebAssets } from './get-web-assets.ts';
import { getPageCsp } from './create-web-router.ts';
import { renderAnswerErrorPage, renderAnswerPage, type AnswerPageOptions } from './render-answer-page.ts';
import { sanitizeAnswerHtml } from './sanitize-answer-html.ts';
import { pickInsightTranslations } from './src/core/insight-translations.ts';
import { pickTranslations } from './src/core/pick-translations.ts';

/** `Accept-Language` as a list of tags, most preferred first. */
export function getAcceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header.split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(/^\s*q=([\d.]+)/.exec(params.join(';'))?.[1] ?? '1');
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((l) => l.tag && l.tag !== '*' && l.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((l) => l.tag);
}

/**
 * Answers on the same subject: the question's words searched within the record's projects
 * (the search pipeline drops the question words and weighs the rest), then, when that finds
 * fewer than `count`, the project's newest answers.
 */
async function findRelated(backend: SearchBackend, record: ApiRecord, count: number): Promise<ApiRecord[]> {
  const base = toSearchRequest({ project: record.projects, hitsPerPage: count + 1 });
  const [similar, newest] = await Promise.all([
    backend.search({ ...base, q: record.question.slice(0, 200) }),
    record.projects.length ? backend.search({ ...base, q: '' }) : Promise.resolve({ hits: [] as ApiRecord[] }),
  ]);
  const seen = new Set([record.id]);
  const related: ApiRecord[] = [];
  for (const hit of [...similar.hits, ...newest.hits]) {
    if (related.length === count || seen.has(hit.id)) continue;
    seen.add(hit.id);
    related.push(hit);
  }
  return related;
}

/**
 * `GET /qa/:id`: the answer page rendered on the server (see `renderAnswerPage`), in the
 * reader's language (Accept-Language); an unknown id is a 404 page, a search outage a 503 page.
 * The page script then adds copy buttons, the feedback buttons and the search box's behaviour.
 */
export function createAnswerPageRouter(options: { backend: SearchBackend; apiBase?: string; publicUrl?: string | undefined }): Router {
  const apiBase = options.apiBase ?? '';
  const csp = getPageCsp(apiBase);
  const router = Router();

  /** The search that led here (`?q=`, for its highlights); none when the link's escapes are broken (the page still opens). */
  function getFromQuery(req: Request): string {
    try {
      return typeof req.query.q === 'string' ? req.query.q.trim().slice(0, MAX_QUERY_LENGTH) : '';
    } catch {
      return ''; // an invalid % escape: the API's query parser refuses it (a 400 for the API)
    }
  }

  async function getOptions(req: Request): Promise<AnswerPageOptions> {
    const assets = await getWebAssets();
    // the first language the interface speaks, as the page script picks it (English otherwise)
    const primary = getAcceptedLanguages(req.get('accept-language')).map((tag) => tag.toLowerCase().split('-')[0]).find((p) => p === 'zh' || p === 'en') ?? 'en';
    const t = pickTranslations([primary]);
    const it = pickInsightTranslations([primary]);
    const q = getFromQuery(req);
    return {
      // never the request's Host: a client could name any host, and a shared cache keep the page
      t, it, lang: primary === 'zh' ? 'zh-CN' : 'en', origin: options.publicUrl ?? '',
      cssHref: assets.pageCss.url, jsSrc: assets.pageJs.url, apiBase, fromQuery: q,
    };
  }

  router.get('/qa/:id', async (req, res) => {
    const o = await getOptions(req);
    res.set('Content-Security-Policy', csp).set('Vary', 'Accept-Language').type('html');
    const id = recordParamsSchema.safeParse(req.params);
    let record: ApiRecord | null = null;
    try {
      record = id.success ? await options.backend.getRecord(id.data.id) : null;
    } catch (error) {
      req.log.warn({ err: error }, 'Answer page: the record could not be read');
      res.status(503).set('Retry-After', '5').set('Cache-Control', 'no-store').send(renderAnswerErrorPage('unavailable', o));
      return;
    }
    if (!record) {
      res.status(404).set('Cache-Control', 'public, max-age=60').send(renderAnswerErrorPage('not-found', o));
      return;
    }
    const related = await findRelated(options.backend, record, 5).catch((error: unknown) => {
      req.log.warn({ err: error }, 'Answer page: related answers not found; the page goes without them');
      return [];
    });
    res.set('Cache-Control', 'public, max-age=300').send(renderAnswerPage(record, sanitizeAnswerHtml(record.answerHtml), related, o));
  });
  return router;
}
