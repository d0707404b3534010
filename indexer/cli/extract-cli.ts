#!/usr/bin/env node
/**
 * `npm run --silent extract -- <path>... [--report] [--base-url URL]`
 * Writes one JSON record per Q/A pair to stdout (JSON Lines) and nothing else there;
 * warnings, the report and the summary go to stderr. Exit 0 when it ran, 2 on bad arguments.
 */
import { parseArgs } from 'node:util';
import { extractCorpus } from '../extract/extract-corpus.ts';
import { PathNotFoundError } from '../sources/discover-files.ts';
import { countPost, createRunCounts, formatPostReport, formatSummary } from './format-report.ts';
import type { PostResult } from '../extract/post-result.ts';
import { DEFAULT_WEEKLY_RULE, type WeeklyRule } from '../sources/weekly/is-weekly-post.ts';

const USAGE =
  'usage: npm run --silent extract -- <path>... [--report] [--base-url URL] [--title-pattern RE] [--path-pattern RE] [--category-pattern RE]';

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

  const pattern = (name: 'title-pattern' | 'path-pattern' | 'category-pattern'): RegExp | undefined => {
    const source = parsed.values[name];
    if (source === undefined) return undefined;
    try {
      return new RegExp(source, 'i');
    } catch (error) {
      fail(`--${name} is not a valid regular expression: ${(error as Error).message}`);
    }
  };
  const weeklyRule: WeeklyRule = {
    titlePattern: pattern('title-pattern') ?? DEFAULT_WEEKLY_RULE.titlePattern,
    pathPattern: pattern('path-pattern') ?? DEFAULT_WEEKLY_RULE.pathPattern,
    categoryPattern: pattern('category-pattern') ?? DEFAULT_WEEKLY_RULE.categoryPattern,
  };

  const started = performance.now();
  const counts = createRunCounts();
  const reports: PostResult[] = [];
  try {
    for await (const post of extractCorpus(parsed.positionals, { weeklyRule, ...(baseUrl ? { baseUrl } : {}) })) {
      countPost(counts, post);
      for (const record of post.records) process.stdout.write(`${JSON.stringify(record)}\n`);
      if (post.status === 'failed') {
        for (const message of post.messages) process.stderr.write(`warning: ${post.path}: ${message.reason} [${message.ruleId}]\n`);
      }
      if (parsed.values.report && post.status === 'weekly') reports.push(post);
    }
  } catch (error) {
    if (error instanceof PathNotFoundError) fail(error.message);
    throw error;
  }
  if (parsed.values.report) process.stderr.write(reports.map(formatPostReport).join(''));
  process.stderr.write(formatSummary(counts, (performance.now() - started) / 1000));
}

await main();
