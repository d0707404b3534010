/**
 * Replace the password or token of every URL in `text` with `***` (`https://user:***@host`, a
 * lone token `https://***@host`), for logs and errors: a git source's URL may carry them.
 */
export function redactUrlCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)([^/@\s:]+)(:[^/@\s]*)?@/gi, (_m, scheme: string, user: string, pass?: string) => `${scheme}${pass ? `${user}:***` : '***'}@`);
}

/** True when `text` holds a URL whose credentials `redactUrlCredentials` replaced: it cannot be used as kept. */
export function hasRedactedCredentials(text: string): boolean {
  return /[a-z][a-z0-9+.-]*:\/\/[^/@\s]*\*\*\*@/i.test(text);
}
