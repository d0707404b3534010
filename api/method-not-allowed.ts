import type { Express, RequestHandler } from 'express';
import { MethodNotAllowedError } from '../src/errors/method-not-allowed-error.ts';

/** The parts of Express's router layers read here (the `router` package, not typed by @types/express). */
interface RouterLayer {
  match(path: string): unknown;
  route?: { _methods(): string[] };
  handle?: { stack?: RouterLayer[] };
}

/** Methods the app's routes answer on `path` (walking mounted routers too); empty when no route matches. */
export function getAllowedMethods(app: Express, path: string): string[] {
  const methods = new Set<string>();
  const walk = (stack: RouterLayer[] | undefined) => {
    for (const layer of stack ?? []) {
      if (layer.route) {
        if (layer.match(path)) for (const method of layer.route._methods()) methods.add(method);
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: RouterLayer[] } }).router.stack);
  return [...methods].filter((m) => m !== '*').sort();
}

/** The `Allow` header of `path`: its routes' methods and OPTIONS; null when no route has the path. */
function getAllowHeader(app: Express, path: string): { allowed: string[]; allow: string } | null {
  const allowed = getAllowedMethods(app, path);
  return allowed.length ? { allowed, allow: [...new Set([...allowed, 'OPTIONS'])].sort().join(', ') } : null;
}

/**
 * Placed before the routers, after the CORS preflights (`cors` with `preflightContinue`, which
 * add their headers and go on): every OPTIONS on a path some route has is 204 with `Allow`.
 * Without it each mounted router answered OPTIONS by itself (the `router` package's automatic
 * 200 with the methods as a text body), and the answer depended on the path. An unknown path
 * falls through to 404.
 */
export function answerOptions(app: Express): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'OPTIONS') {
      next();
      return;
    }
    const header = getAllowHeader(app, req.path);
    if (!header) {
      next();
      return;
    }
    res.set('Allow', header.allow);
    res.status(204).end();
  };
}

/**
 * Placed after every route: a request no route answered on a path some route has gets 405
 * with `Allow` instead of falling through to 404.
 */
export function methodNotAllowed(app: Express): RequestHandler {
  return (req, res, next) => {
    const header = getAllowHeader(app, req.path);
    if (!header) {
      next();
      return;
    }
    res.set('Allow', header.allow);
    next(new MethodNotAllowedError(header.allowed, `${req.path} does not answer ${req.method}; it answers ${header.allow}`));
  };
}
