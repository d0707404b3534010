/**
 * Strong or weak: whether a hit answers the query, from evidence a reader would accept rather
 * than from its rank. Two measures of how much of the query's informative terms a hit holds
 * (project names left out: naming the project is not an answer): `coverage`, the idf-weighted
 * share found in its text (`getTermCoverage`), and `scoreShare`, its idf-weighted Meilisearch
 * term scores over the most a document could score (which also counts typo, synonym and
 * translated matches, and prefers matches in the question). A Latin term counts as covered in a
 * hit its own word search found (Meilisearch matched it, maybe through a synonym or the corpus
 * dictionary). A hit is strong when the lower of
 * the two reaches `minEvidence`, it scores close enough to the best hit, it is among the
 * first `maxRank`, and, when the query names a project, it is about that project (attributed to
 * it or naming it): another project's answer holding the other words answers another question. Thresholds measured in `scripts/relevance-report.md` ("Answerability").
 */

export type MatchStrength = 'strong' | 'weak';

export interface MatchEvidence {
  /** Idf-weighted share of the query's informative terms the hit's text contains, in [0, 1]. */
  coverage: number;
  /** The hit's term score without project names over the most any document could score, in [0, 1]. */
  scoreShare: number;
  /** The hit's ranking score over the best hit's, in [0, 1]. */
  relativeScore: number;
  /** 0-based rank in relevance order (-1: not among the candidates weighed). */
  rank: number;
  /** The query names a project (`getQueryProjects`). */
  projectNamed: boolean;
  /** The hit is about a project the query names (attributed to it, or its text names it). */
  inNamedProject: boolean;
}

export interface MatchThresholds {
  /** Evidence (the lower of coverage and score share) a strong hit needs (default: 0.45). */
  minEvidence: number;
  /** Relative score a strong hit needs (default: 0.5). */
  minRelativeScore: number;
  /** Hits at or beyond this 0-based rank are never strong (default: 10). */
  maxRank: number;
}

export const DEFAULT_MATCH_THRESHOLDS: Readonly<MatchThresholds> = {
  minEvidence: 0.45,
  minRelativeScore: 0.5,
  maxRank: 10,
};

/** The score a hit's strength is decided on, in [0, 1] (3 decimals). */
export function getMatchScore(evidence: MatchEvidence): number {
  return Math.round(Math.min(evidence.coverage, evidence.scoreShare) * 1000) / 1000;
}

/** `strong` or `weak` for one hit (see the module comment). */
export function decideMatch(evidence: MatchEvidence, thresholds: Partial<MatchThresholds> = {}): MatchStrength {
  const t = { ...DEFAULT_MATCH_THRESHOLDS, ...thresholds };
  if (evidence.rank < 0 || evidence.rank >= t.maxRank || evidence.relativeScore < t.minRelativeScore) return 'weak';
  // `sofarpc timeout`: a Seata answer about timeouts holds every informative word, yet answers
  // another project's question.
  if (evidence.projectNamed && !evidence.inNamedProject) return 'weak';
  return getMatchScore(evidence) >= t.minEvidence ? 'strong' : 'weak';
}
