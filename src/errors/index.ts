export * from './weekly-faq-error.ts';
export * from './config-error.ts';
export * from './meili-task-error.ts';
export * from './meili-start-error.ts';
export * from './reindex-errors.ts';
export * from './git-source-error.ts';
export * from './invalid-record-error.ts';
