/**
 * True while an input method (Chinese pinyin, Japanese, ...) is composing: the key belongs to
 * the IME (Enter picks a candidate, arrows move among candidates) and must not select a
 * result or close anything. Safari ends the composition before its keydown, which still has
 * keyCode 229 (algolia/docsearch#2111 is this bug).
 */
export function isComposing(event: Pick<KeyboardEvent, 'isComposing' | 'keyCode'>): boolean {
  return event.isComposing || event.keyCode === 229;
}
