import { Router } from 'express';
import { getWebAssets } from './get-web-assets.ts';
import { getPageCsp } from './create-web-router.ts';
import { escapeHtml } from './render-html.ts';

/**
 * `GET /admin`: the insights page (a shell; its script, `adminJs`, asks for the admin token, keeps
 * it in sessionStorage, and renders the report of `GET /api/admin/insights`). No data is in the
 * HTML itself, so the page needs no protection of its own.
 */
export function createAdminPageRouter(): Router {
  const router = Router();
  router.get('/admin', async (_req, res) => {
    const assets = await getWebAssets();
    res.set('Content-Security-Policy', getPageCsp('')).set('Cache-Control', 'no-cache').set('X-Robots-Tag', 'noindex').type('html').send(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex">
<title>Search insights – SOFA Weekly answers</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${escapeHtml(assets.pageCss.url)}">
<script type="module" src="${escapeHtml(assets.adminJs.url)}"></script>
</head>
<body>
<div id="admin"><noscript>The insights page needs JavaScript; the data is at /api/admin/insights (admin token).</noscript></div>
</body>
</html>
`);
  });
  return router;
}
