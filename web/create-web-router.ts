import { randomBytes } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { NotFoundError } from '../src/errors/not-found-error.ts';
import { getWebAssets } from './get-web-assets.ts';
import { renderDemoHtml, renderPageHtml } from './render-html.ts';
import { getEncodedBody, pickAssetEncoding, WEB_ASSET_KEYS, type WebAsset, type WebAssets } from './web-asset.ts';

export interface WebRouterOptions {
  /** Origin of the API the page calls (default: `''`, the page's own origin). */
  apiBase?: string;
  /** Title of the search page (default: "SOFA Weekly answers"). */
  title?: string;
  /** Project the demo page pre-filters its widget to (default: MOSN). */
  demoProject?: string;
  /**
   * Public origin of the service (PUBLIC_URL): the demo page loads the widget from there.
   * Default: this origin (`/widget.js`). Never taken from the request (query or Host).
   */
  publicUrl?: string | undefined;
}

/** Content-Security-Policy of the pages: only this origin's script and styles, nothing inline. */
export function getPageCsp(apiBase: string): string {
  const connect = apiBase ? `'self' ${new URL(apiBase).origin}` : "'self'";
  return [
    "default-src 'self'", "script-src 'self'", "style-src 'self'", 'img-src * data:', `connect-src ${connect}`,
    "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The demo page's CSP: a strict host page (no inline styles but its own nonce) that allows the
 * widget's origin (`''`: this origin only).
 */
export function getDemoCsp(widgetOrigin: string, nonce: string): string {
  const sources = widgetOrigin ? `'self' ${widgetOrigin}` : "'self'";
  return [
    "default-src 'self'", `script-src ${sources}`, `style-src 'self' 'nonce-${nonce}'`, 'img-src * data:',
    `connect-src ${sources}`, "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
  ].join('; ');
}

/** A year: hashed file names never change content. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Send an asset, pre-compressed when the client accepts it (br, else gzip: compressed once, at
 * build time, never per request; `compression()` leaves an encoded body alone), with a weak
 * ETag of its hash so a revalidation is a 304.
 */
function sendAsset(req: Request, res: Response, asset: WebAsset, cacheControl: string): void {
  const encoding = pickAssetEncoding(req.get('Accept-Encoding'));
  res.vary('Accept-Encoding');
  res.set('Content-Type', asset.contentType).set('Cache-Control', cacheControl).set('ETag', `W/"${asset.hash}"`);
  if (encoding) {
    res.set('Content-Encoding', encoding).send(getEncodedBody(asset, encoding));
  } else {
    res.send(asset.contents);
  }
}

/** The asset named `fileName` (hashed) among the built ones, if any. */
function findAsset(assets: WebAssets, fileName: string): WebAsset | undefined {
  return WEB_ASSET_KEYS.map((key) => assets[key]).find((asset) => asset.fileName === fileName);
}

/**
 * The web front end: the search page (`/`), permalink pages (`/qa/:id`), their assets, the
 * embeddable widget (`/widget.js`) and a demo docs page that embeds it (`/demo`). The bundles
 * are those `npm run build` wrote (or bundled in memory under tsx, see `getWebAssets`), loaded
 * when the router is created. Hashed `/assets/<name>.<hash>.<ext>` are cached for a year;
 * `/widget.js`, the URL docs sites embed, stays un-hashed: 5 minutes, then a revalidation (304).
 */
export function createWebRouter(options: WebRouterOptions = {}): Router {
  const apiBase = options.apiBase ?? '';
  const title = options.title ?? 'SOFA Weekly answers';
  const demoProject = options.demoProject ?? 'MOSN';
  // configuration only: a widget origin read from the request would let anyone run their script here
  const widgetOrigin = options.publicUrl ? new URL(options.publicUrl).origin : '';
  // start building now, so the first request does not wait; a failure shows on requests
  getWebAssets().catch(() => {});
  const csp = getPageCsp(apiBase);
  const router = Router();

  const page = async (_req: Request, res: Response) => {
    const assets = await getWebAssets();
    res.set('Content-Security-Policy', csp).set('Cache-Control', 'no-cache').type('html').send(renderPageHtml(assets, { title, apiBase }));
  };
  router.get('/', page);
  router.get('/qa/:id', page);
  router.get('/assets/:file', async (req, res, next) => {
    const assets = await getWebAssets();
    const hashed = findAsset(assets, req.params.file);
    if (hashed) {
      if (hashed === assets.widgetJs) res.set('Access-Control-Allow-Origin', '*');
      sendAsset(req, res, hashed, IMMUTABLE);
      return;
    }
    // un-hashed names of the page's assets (older pages, hand-written links): always revalidated
    const alias = [assets.pageJs, assets.pageCss].find((asset) => asset.name === req.params.file);
    // An unknown asset is a 404 here: falling through would reach the 405 handler, which sees a GET route on this path.
    if (alias) sendAsset(req, res, alias, 'no-cache');
    else next(new NotFoundError(`No asset named ${req.params.file}`));
  });
  router.get('/widget.js', async (req, res) => {
    // any site may embed the widget (a classic script needs no CORS; the header also lets `crossorigin` tags load it)
    res.set('Access-Control-Allow-Origin', '*');
    sendAsset(req, res, (await getWebAssets()).widgetJs, 'public, max-age=300, must-revalidate');
  });
  router.get('/demo', (_req, res) => {
    const nonce = randomBytes(16).toString('base64');
    res.set('Content-Security-Policy', getDemoCsp(widgetOrigin, nonce)).set('Cache-Control', 'no-store').type('html')
      .send(renderDemoHtml({ widgetOrigin, project: demoProject, nonce }));
  });
  return router;
}
