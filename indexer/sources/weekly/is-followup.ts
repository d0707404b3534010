/**
 * Words that open a turn which leans on the previous one ("那…", "这个…", "是的，…"):
 * such a question cannot be read on its own.
 */
const LEANING_OPENERS =
  /^(?:那|那么|那如果|那这|这个|这样|这种|这里|这边|这块|这些|此|它|其|是的|好的|嗯|哦|噢|明白|了解|懂了|谢谢|感谢|所以|但是|但|可是|不过|还有|另外|也就是说|就是说|意思是|我的理解|如果这样|如果是这样|还是|按照|刚才|上面|之前|你说的|您说的)/;

/**
 * True when the question only makes sense after the previous turn of its thread.
 * The first turn never is; a later one is when it leans on what came before or is too short
 * to carry its own topic.
 */
export function isFollowup(question: string, turn: number): boolean {
  if (turn <= 1) return false;
  const text = question.trim();
  if (LEANING_OPENERS.test(text)) return true;
  const words = text.replace(/[^\p{L}\p{N}]/gu, '');
  return words.length < 12;
}
