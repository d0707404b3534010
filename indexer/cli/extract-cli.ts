#!/usr/bin/env node
/**
 * `npm run --silent extract -- <path>... [--report] [--base-url URL] [--kind weekly,faq]`
 * Writes one JSON record per question/answer to stdout (JSON Lines) and nothing else there;
 * warnings, the report and the summary go to stderr. Exit 0 when it ran, 2 on bad arguments.
 */
import { parseArgs } from 'node:util';
import { extractCorpus } from '../extract/extract-corpus.ts';
import { PathNotFoundError } from '../sources/discover-files.ts';
import { countPost, createRunCounts, formatPostReport, formatSummary } from './format-report.ts';
import type { PostResult } from '../extract/post-result.ts';
import { RECORD_KINDS, type RecordKind } from '../../src/qa-record.ts';
import type { SourceConfig } from '../../src/source-config.ts';
import { createContentSources } from '../sources/create-content-sources.ts';

const USAGE =
  'usage: npm run --silent extract -- <path>... [--report] [--kind weekly,faq] [--base-url URL] [--faq-base-url URL] [--title-pattern RE] [--path-pattern RE] [--category-pattern RE]';

function fail(message: string): never {
  process.stderr.write(`extract: ${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        report: { type: 'boolean' },
        'base-url': { type: 'string' },
        'faq-base-url': { type: 'string' },
        kind: { type: 'string' },
        'title-pattern': { type: 'string' },
        'path-pattern': { type: 'string' },
        'category-pattern': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail((error as Error).message);
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (parsed.positionals.length === 0) fail('no path given');
  const baseUrl = parsed.values['base-url'];
  if (baseUrl !== undefined && !/^https?:\/\/\S+$/.test(baseUrl)) fail(`--base-url is not an http(s) URL: ${baseUrl}`);
  const faqBaseUrl = parsed.values['faq-base-url'];
  if (faqBaseUrl !== undefined && !/^https?:\/\/\S+$/.test(faqBaseUrl)) fail(`--faq-base-url is not an http(s) URL: ${faqBaseUrl}`);
  const kinds = (parsed.values.kind ?? RECORD_KINDS.join(',')).split(',').map((kind) => kind.trim()).filter(Boolean);
  const unknownKind = kinds.find((kind) => !(RECORD_KINDS as readonly string[]).includes(kind));
  if (unknownKind !== undefined || kinds.length === 0) fail(`--kind: expected a comma-separated list of ${RECORD_KINDS.join(', ')}, got ${JSON.stringify(parsed.values.kind)}`);

  const pattern = (name: 'title-pattern' | 'path-pattern' | 'category-pattern'): string | undefined => {
    const source = parsed.values[name];
    if (source === undefined) return undefined;
    try {
      new RegExp(source, 'i');
      return source;
    } catch (error) {
      fail(`--${name} is not a valid regular expression: ${(error as Error).message}`);
    }
  };
  // The FAQ pages first: their globs are narrow, and a weekly post never matches them.
  const configs: SourceConfig[] = (['faq', 'weekly'] as const).filter((kind: RecordKind) => kinds.includes(kind)).map((kind) => (kind === 'faq'
    ? { kind, root: '.', ...(faqBaseUrl ? { baseUrl: faqBaseUrl } : {}) }
    : { kind, root: '.', titlePattern: pattern('title-pattern'), pathPattern: pattern('path-pattern'), categoryPattern: pattern('category-pattern') }));
  const sources = createContentSources(configs, { baseUrl });

  const started = performance.now();
  const counts = createRunCounts();
  const reports: PostResult[] = [];
  try {
    for await (const post of extractCorpus(parsed.positionals, { sources })) {
      countPost(counts, post);
      // one write per post, not per record: each write is a trip through the stream machinery
      if (post.records.length > 0) process.stdout.write(post.records.map((record) => `${JSON.stringify(record)}\n`).join(''));
      if (post.status === 'failed') {
        for (const message of post.messages) process.stderr.write(`warning: ${post.path}: ${message.reason} [${message.ruleId}]\n`);
      }
      if (parsed.values.report && post.status === 'extracted') reports.push(post);
    }
  } catch (error) {
    if (error instanceof PathNotFoundError) fail(error.message);
    throw error;
  }
  if (parsed.values.report) process.stderr.write(reports.map(formatPostReport).join(''));
  process.stderr.write(formatSummary(counts, (performance.now() - started) / 1000));
}

await main();
