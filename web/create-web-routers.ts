import type { Router } from 'express';
import type { SearchBackend } from '../src/contract/search-backend.ts';
import { createAdminPageRouter } from './create-admin-page-router.ts';
import { createAnswerPageRouter } from './create-answer-page-router.ts';
import { createWebRouter } from './create-web-router.ts';

/**
 * Every page of the front end, in mounting order: the server-rendered answer pages, the admin
 * page, then the search page, the widget and its demo (`createWebRouter`). `api/main.ts` hands
 * this to `createApp` (`web` option): the API itself knows nothing of the front end.
 */
export function createWebRouters(options: { backend: SearchBackend; publicUrl?: string | undefined }): Router[] {
  return [createAnswerPageRouter({ backend: options.backend, publicUrl: options.publicUrl }), createAdminPageRouter(), createWebRouter({ publicUrl: options.publicUrl })];
}
