import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { NotFoundError } from '../src/errors/not-found-error.ts';
import { UnauthorizedError } from '../src/errors/unauthorized-error.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Guard of the admin endpoints: `Authorization: Bearer <ADMIN_TOKEN>`, compared in constant
 * time. Without a configured token the endpoints do not exist (404).
 */
export function requireAdminToken(adminToken: string | undefined): RequestHandler {
  const expected = adminToken ? digest(adminToken) : null;
  return (req, _res, next) => {
    if (!expected) throw new NotFoundError(`No route ${req.method} ${req.path}`);
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    if (!match?.[1]) throw new UnauthorizedError('Admin endpoints need Authorization: Bearer <ADMIN_TOKEN>');
    if (!timingSafeEqual(digest(match[1]), expected)) throw new UnauthorizedError('Admin token rejected');
    next();
  };
}
