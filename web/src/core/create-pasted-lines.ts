/** Whitespace runs as one space: how a box shows pasted lines, whatever the browser made of the breaks. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

export interface PastedLines {
  /** The box's question: what was pasted into it, line breaks and all, while the box still shows just that; else its value. Trimmed. */
  read(): string;
  /** Put `q` in the box (from the URL, history, a recent search), its line breaks kept for `read`. */
  show(q: string): void;
}

/**
 * A search box keeps one line: a pasted stack trace loses its line breaks (Chromium turns them
 * into spaces), and with them what the API reads in a paste: which lines are stack frames and
 * which are the reader's first lines. This remembers the text as pasted, for as long as the box
 * shows it unchanged (an edit after the paste searches what the box shows).
 */
export function createPastedLines(input: HTMLInputElement): PastedLines {
  let lines: string | null = null;
  input.addEventListener('paste', (event) => {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    const { value, selectionStart: start, selectionEnd: end } = input;
    // the box's text with the paste in place, as it will read once the browser inserted it
    lines = /[\r\n]/.test(text) ? value.slice(0, start ?? value.length) + text + value.slice(end ?? value.length) : null;
  });
  return {
    read: () => (lines !== null && squash(lines) === squash(input.value) ? lines.trim() : input.value.trim()),
    show(q) {
      input.value = q.replace(/\r?\n|\r/g, ' ');
      lines = /[\r\n]/.test(q) ? q : null;
    },
  };
}
