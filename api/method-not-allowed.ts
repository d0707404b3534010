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

/**
 * Placed after every route: a request no route answered on a path some route has gets 405
 * with `Allow` (OPTIONS gets 204 with `Allow`) instead of falling through to 404.
 */
export function methodNotAllowed(app: Express): RequestHandler {
  return (req, res, next) => {
    const allowed = getAllowedMethods(app, req.path);
    if (!allowed.length) {
      next();
      return;
    }
    const allow = [...new Set([...allowed, 'OPTIONS'])].sort().join(', ');
    res.set('Allow', allow);
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next(new MethodNotAllowedError(allowed, `${req.path} does not answer ${req.method}; it answers ${allow}`));
  };
}
