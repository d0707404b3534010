import type { RecordKind } from '../../src/qa-record.ts';
import type { SourceConfig } from '../../src/source-config.ts';
import type { ContentSource } from './content-source.ts';
import { createFaqSource } from './faq/create-faq-source.ts';
import { createWeeklySource } from './weekly/create-weekly-source.ts';
import { DEFAULT_WEEKLY_RULE } from './weekly/is-weekly-post.ts';

/** Settings every source may fall back on. */
export interface SourceDefaults {
  /** Base of public weekly post URLs (PUBLIC_BASE_URL). */
  baseUrl?: string;
}

const regex = (source: string | undefined) => (source === undefined ? undefined : new RegExp(source, 'i'));

/** How each kind of source is made from its configuration. Adding a source: one line here. */
const SOURCE_FACTORIES: { [K in RecordKind]: (config: Extract<SourceConfig, { kind: K }>, defaults: SourceDefaults) => ContentSource } = {
  weekly: (config, defaults) => createWeeklySource({
    baseUrl: config.baseUrl ?? defaults.baseUrl,
    weeklyRule: {
      titlePattern: regex(config.titlePattern) ?? DEFAULT_WEEKLY_RULE.titlePattern,
      pathPattern: regex(config.pathPattern) ?? DEFAULT_WEEKLY_RULE.pathPattern,
      categoryPattern: regex(config.categoryPattern) ?? DEFAULT_WEEKLY_RULE.categoryPattern,
    },
  }),
  faq: (config) => createFaqSource({ include: config.include, baseUrl: config.baseUrl }),
};

/** The readers of the configured sources, in their order (a file goes to the first that takes it). */
export function createContentSources(configs: readonly SourceConfig[], defaults: SourceDefaults = {}): ContentSource[] {
  return configs.map((config) => (SOURCE_FACTORIES[config.kind] as (c: SourceConfig, d: SourceDefaults) => ContentSource)(config, defaults));
}

/** The configured sources grouped by root, in first-seen order: each root is prepared and walked once. */
export function groupSourcesByRoot(configs: readonly SourceConfig[]): { root: string; configs: SourceConfig[] }[] {
  const groups = new Map<string, SourceConfig[]>();
  for (const config of configs) groups.set(config.root, [...(groups.get(config.root) ?? []), config]);
  return [...groups].map(([root, list]) => ({ root, configs: list }));
}
