/**
 * What identifies a pasted error log or a long question, for searching: a search for every
 * word of a 3 KB stack trace finds documents sharing `at`, `java`, `lang` and thread names,
 * and Meilisearch reads only the first words anyway. Kept, in this order and without repeats:
 * the first lines that are prose (the question the reader wrote above the paste), exception
 * class names (`java.lang.NoClassDefFoundError` and its short name, `LockConflictException`),
 * error codes (`ECATCHUP`, `ORA-00904`, `errno 10003`), config keys (`seata.tx-service-group`),
 * and quoted messages; dropped: stack frames (`at com.x.Y.m(Y.java:12)`, `... 12 more`),
 * timestamps, thread names, log levels, hex, UUIDs, paths and URLs.
 */

export interface PasteReductionOptions {
  /** Queries up to this many characters on one line are left as they are (default: 160). */
  maxPlainLength?: number;
  /** Characters of the reduced query at most (default: 400). */
  maxLength?: number;
  /** Prose lines kept from the start (default: 2). */
  firstLines?: number;
}

const STACK_FRAME = /^\s*(?:at\s+[\w$.<>/]+\(.*\)|at\s+[\w$.<>]+\.[\w$<>]+\s*$|\.\.\.\s*\d+\s+(?:more|common frames omitted)|(?:Caused by|Suppressed):\s*$|goroutine \d+|\S+\.go:\d+|File ".*", line \d+)/i;
const TIMESTAMP = /\b\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?\b|\b\d{2}:\d{2}:\d{2}(?:[.,]\d+)?\b/g;
const LOG_LEVEL = /\b(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL)\b/g;
const THREAD = /\[[^\]\n]{0,80}\]/g;
const URL = /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi;
const PATH = /(?:^|\s)(?:[A-Za-z]:)?(?:[\\/][\w.@-]+){2,}[\\/]?/g;
const IP = /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g;
const HEX = /\b0x[0-9a-f]+\b|\b[0-9a-f]{12,}\b|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

const EXCEPTION = /\b(?:[a-z_$][\w$]*\.)*[A-Z][\w$]*(?:Exception|Error|Throwable|Fault)\b/g;
const ERROR_CODE = /\b[A-Z]{2,}[-_]?\d{2,}\b|\b[A-Z][A-Z_]{3,}\b|\b(?:errno|code|status)[\s:=]+-?\d{3,}\b/g;
const CONFIG_KEY = /\b[a-z][\w-]+(?:\.[a-z][\w-]+){2,}\b/gi;
const QUOTED = /["“「'‘]([^"”」'’\n]{6,120})["”」'’]/g;

/** Whether `query` looks like a paste rather than a typed question. */
export function isPaste(query: string, options: PasteReductionOptions = {}): boolean {
  const maxPlain = options.maxPlainLength ?? 160;
  const lines = query.split(/\r?\n/).filter((line) => line.trim());
  return query.length > maxPlain || lines.length > 2 || lines.some((line) => STACK_FRAME.test(line));
}

function scrub(line: string): string {
  return line
    .replace(URL, ' ')
    .replace(TIMESTAMP, ' ')
    .replace(THREAD, ' ')
    .replace(LOG_LEVEL, ' ')
    .replace(IP, ' ')
    .replace(HEX, ' ')
    .replace(PATH, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A line that is mostly prose (a reader's own words), not log output. */
function isProse(line: string): boolean {
  if (STACK_FRAME.test(line)) return false;
  const letters = line.match(/[\p{Script=Han}]|[A-Za-z]{2,}/gu)?.length ?? 0;
  return letters >= 3;
}

/**
 * The part of `query` worth searching for (see the module comment); a short one-line query
 * comes back as it is.
 */
export function reducePaste(query: string, options: PasteReductionOptions = {}): string {
  if (!isPaste(query, options)) return query;
  const maxLength = options.maxLength ?? 400;
  const lines = query.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const parts: string[] = [];
  const seen = new Set<string>();
  const add = (part: string) => {
    const text = part.trim();
    const key = text.toLowerCase();
    if (!text || seen.has(key)) return;
    seen.add(key);
    parts.push(text);
  };

  const firstLines = options.firstLines ?? 2;
  const head = lines.filter((line) => !STACK_FRAME.test(line)).slice(0, firstLines)
    .map((line) => scrub(line.replace(EXCEPTION, (name) => name.split('.').pop() ?? name)))
    .filter(isProse);
  // The exception names and codes come from the whole paste, frames excepted (a frame names
  // every class on the stack, not the one that failed).
  const body = lines.filter((line) => !STACK_FRAME.test(line)).join('\n');
  const exceptions: string[] = [];
  for (const match of body.matchAll(EXCEPTION)) {
    exceptions.push(match[0]);
    const short = match[0].split('.').pop();
    if (short && short !== match[0]) exceptions.push(short);
  }
  const codes = [...body.matchAll(ERROR_CODE)].map((m) => m[0]).filter((code) => !/^(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL|HTTP|JSON|NULL|TRUE|FALSE)$/.test(code));
  const keys = [...scrub(body.replace(EXCEPTION, ' ')).matchAll(CONFIG_KEY)].map((m) => m[0]).filter((key) => !/\.(?:java|go|class|jar|xml|yml|yaml|json|properties|log)$/i.test(key));
  const quoted = [...body.matchAll(QUOTED)].map((m) => scrub(m[1] ?? ''));

  // Exception short names lead: they identify the problem best, and the whole-query limits of
  // Meilisearch and `maxTerms` keep the first words.
  for (const name of exceptions.filter((e) => !e.includes('.'))) add(name);
  for (const line of head) add(line.slice(0, maxLength));
  for (const code of codes) add(code);
  for (const key of keys) add(key);
  for (const text of quoted) add(text);
  for (const name of exceptions.filter((e) => e.includes('.'))) add(name);

  let reduced = '';
  for (const part of parts) {
    const next = reduced ? `${reduced} ${part}` : part;
    if (next.length > maxLength) break;
    reduced = next;
  }
  return reduced || scrub(lines[0] ?? '').slice(0, maxLength);
}
