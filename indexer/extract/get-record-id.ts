import { createHash } from 'node:crypto';

/**
 * Stable id of a pair: derived only from the post's slug, the asker and the question's own
 * words (whitespace and punctuation ignored), so it survives re-runs and edits elsewhere in the
 * post. `occurrence` separates the rare identical questions within one post.
 */
export function getRecordId(slug: string, asker: string | null, question: string, occurrence = 0): string {
  const words = question.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const hash = createHash('sha256').update(`${slug}\u0000${asker ?? ''}\u0000${words}\u0000${occurrence}`).digest('hex');
  return hash.slice(0, 16);
}
