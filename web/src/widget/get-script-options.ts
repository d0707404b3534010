import type { WidgetOptions } from './create-widget.ts';

/**
 * Widget options from the embedding `<script>` tag: `data-api` (default: the script's own
 * origin), `data-project` (comma-separated pre-filter), `data-container` (a selector for the
 * button; default: a floating button), `data-recent="off"` (keep no recent searches),
 * `data-lang` (`zh` or `en`; default: the reader's browser languages), `data-ask-url` (where to
 * ask when nothing answers the question).
 */
export function getScriptOptions(script: Pick<HTMLScriptElement, 'src' | 'dataset'>): WidgetOptions {
  const data = script.dataset;
  const options: WidgetOptions = {};
  const origin = script.src ? new URL(script.src, location.href).origin : undefined;
  options.api = data.api || origin;
  if (data.project) options.project = data.project; // comma-separated: createWidget splits it
  if (data.container) options.container = data.container;
  if (data.recent && /^(off|false|no|0)$/i.test(data.recent)) options.recentSearches = false;
  if (data.lang) options.lang = data.lang;
  if (data.askUrl) options.askUrl = data.askUrl;
  return options;
}
