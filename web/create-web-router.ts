import { randomBytes } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { getWebAssets, type WebAssets } from './build-web-assets.ts';
import { renderDemoHtml, renderPageHtml } from './render-html.ts';

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

function sendAsset(req: Request, res: Response, asset: WebAssets[keyof WebAssets], maxAge: number): void {
  const versioned = req.query.v === asset.hash;
  res.set('Content-Type', asset.contentType);
  res.set('Cache-Control', versioned ? 'public, max-age=31536000, immutable' : `public, max-age=${maxAge}, must-revalidate`);
  res.send(asset.contents);
}

/**
 * The web front end: the search page (`/`), permalink pages (`/qa/:id`), their assets, the
 * embeddable widget (`/widget.js`) and a demo docs page that embeds it (`/demo`). The bundles
 * are built in memory when the router is created (see `getWebAssets`).
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
  router.get('/assets/page.js', async (req, res) => sendAsset(req, res, (await getWebAssets()).pageJs, 0));
  router.get('/assets/page.css', async (req, res) => sendAsset(req, res, (await getWebAssets()).pageCss, 0));
  router.get('/widget.js', async (req, res) => {
    // any site may embed the widget (a classic script needs no CORS; the header also lets `crossorigin` tags load it)
    res.set('Access-Control-Allow-Origin', '*');
    sendAsset(req, res, (await getWebAssets()).widgetJs, 300);
  });
  router.get('/demo', (_req, res) => {
    const nonce = randomBytes(16).toString('base64');
    res.set('Content-Security-Policy', getDemoCsp(widgetOrigin, nonce)).set('Cache-Control', 'no-store').type('html')
      .send(renderDemoHtml({ widgetOrigin, project: demoProject, nonce }));
  });
  return router;
}
