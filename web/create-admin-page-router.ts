import { Router } from 'express';
import { getWebAssets } from './get-web-assets.ts';
import { getPageCsp } from './create-web-router.ts';
import { renderHtmlHead } from './render-html.ts';

/**
 * `GET /admin`: the insights page (a shell; its script, `adminJs`, asks for the admin token, keeps
 * it in sessionStorage, and renders the report of `GET /api/admin/insights`). No data is in the
 * HTML itself, so the page needs no protection of its own.
 */
export function createAdminPageRouter(): Router {
  const router = Router();
  router.get('/admin', async (_req, res) => {
    const assets = await getWebAssets();
    res.set('Content-Security-Policy', getPageCsp('')).set('Cache-Control', 'no-cache').set('X-Robots-Tag', 'noindex').type('html').send(`${renderHtmlHead({ lang: 'en', title: 'Search insights – SOFA Weekly answers', meta: '<meta name="robots" content="noindex">\n', cssHref: assets.pageCss.url, jsSrc: assets.adminJs.url })}
<body>
<div id="admin"><noscript>The insights page needs JavaScript; the data is at /api/admin/insights (admin token).</noscript></div>
</body>
</html>
`);
  });
  return router;
}
