import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type naiveBayesTextClassifierType from 'wink-naive-bayes-text-classifier';
import { PROJECT_NAMES } from '../../../src/project-catalogue.ts';
import { DataFileError } from '../../../src/errors/data-file-error.ts';
import type { ProjectInferrer } from './assign-projects.ts';

/** Below this probability a guess is not used: the pair stays without a project (default of `createProjectClassifier`). */
export const DEFAULT_CONFIDENCE_FLOOR = 0.75;

/** Terms seen in fewer training texts than this are left out of the shipped model (noise, and size). */
export const MIN_TERM_TEXTS = 1;

const MODEL_FILE = new URL('../../../src/data/project-classifier.json', import.meta.url);

// Loaded on first use: most extraction runs never classify, and every CLI call pays for module loading.
const requireCjs = createRequire(import.meta.url);
let winkClassifier: typeof naiveBayesTextClassifierType | undefined;
function naiveBayesTextClassifier(): ReturnType<typeof naiveBayesTextClassifierType> {
  winkClassifier ??= requireCjs('wink-naive-bayes-text-classifier') as typeof naiveBayesTextClassifierType;
  return winkClassifier();
}
let segmenter: Intl.Segmenter | undefined;

/**
 * The terms a text is classified by: its words (Chinese segmented by `Intl.Segmenter`, dotted
 * identifiers such as `com.alipay.sofa.rpc` split into their parts), lower case, without URLs,
 * images, numbers and one-character words. (Character bigrams were tried: naive Bayes counts
 * overlapping bigrams as independent evidence and became overconfident and less accurate.) Pure.
 */
export function getClassifierTerms(text: string): string[] {
  const cleaned = text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .toLowerCase();
  const terms: string[] = [];
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  for (const { segment, isWordLike } of segmenter.segment(cleaned)) {
    if (!isWordLike) continue;
    for (const part of segment.split(/[._#/-]+/)) {
      if (part.length >= 2 && !/^\d+$/.test(part)) terms.push(part);
    }
  }
  return terms;
}

/** A project and a text it is about: what the classifier learns from. */
export interface TrainingSample {
  project: string;
  text: string;
}

/**
 * Learn a multinomial naive Bayes model (wink-naive-bayes-text-classifier) from samples; returns
 * its JSON. Terms in fewer than `minTermTexts` texts are dropped first. Pure and deterministic.
 */
export function trainProjectClassifier(samples: readonly TrainingSample[], minTermTexts = MIN_TERM_TEXTS): string {
  const termTexts = new Map<string, number>();
  const tokenized = samples.map((sample) => ({ project: sample.project, terms: getClassifierTerms(sample.text) }));
  for (const { terms } of tokenized) for (const term of new Set(terms)) termTexts.set(term, (termTexts.get(term) ?? 0) + 1);
  const classifier = naiveBayesTextClassifier();
  classifier.defineConfig({ considerOnlyPresence: false, smoothingFactor: 1 });
  for (const { project, terms } of tokenized) {
    const kept = terms.filter((term) => (termTexts.get(term) ?? 0) >= minTermTexts);
    if (kept.length > 0) classifier.learn(kept, project);
  }
  classifier.consolidate();
  return classifier.exportJSON();
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0;

/**
 * What is wrong with a parsed model, or null: wink's export is [config, samples per label, term
 * counts per label, terms per label, vocabulary]. (Checked by hand rather than with zod, which
 * would add its loading time to every extractor run.)
 */
function getModelProblem(model: unknown): string | null {
  if (!Array.isArray(model) || model.length !== 5) return 'expected an array of 5 parts';
  const [config, samples, counts, words, vocabulary] = model as unknown[];
  if (!isRecord(config) || typeof config.considerOnlyPresence !== 'boolean' || typeof config.smoothingFactor !== 'number') return 'part 1 is not the config';
  if (!isRecord(samples) || !Object.values(samples).every(isCount)) return 'part 2 is not sample counts per project';
  if (!isRecord(counts) || !Object.values(counts).every((terms) => isRecord(terms) && Object.values(terms).every(isCount))) return 'part 3 is not term counts per project';
  if (!isRecord(words) || !Object.values(words).every(isCount)) return 'part 4 is not word counts per project';
  if (!Array.isArray(vocabulary) || !vocabulary.every((term) => typeof term === 'string')) return 'part 5 is not the vocabulary';
  return null;
}

/**
 * A `ProjectInferrer` from a model's JSON (as `trainProjectClassifier` makes it): the most likely
 * project and its probability, or null when the text has no known term or the probability is under
 * `confidenceFloor`. Throws `DataFileError` (`data-file-invalid`) when the JSON is not such a model or names a
 * project the catalogue does not know (`file` names the model in the message).
 */
export function createProjectClassifier(modelJson: string, confidenceFloor = DEFAULT_CONFIDENCE_FLOOR, file = 'project classifier model'): ProjectInferrer {
  let parsed: unknown;
  try {
    parsed = JSON.parse(modelJson);
  } catch (error) {
    throw new DataFileError(file, null, `not JSON: ${(error as Error).message}`);
  }
  const problem = getModelProblem(parsed);
  if (problem) throw new DataFileError(file, null, `not a naive Bayes model as trainProjectClassifier writes it: ${problem}`);
  const labels = Object.keys((parsed as [unknown, Record<string, number>])[1]);
  const unknown = labels.filter((label) => !PROJECT_NAMES.includes(label));
  if (unknown.length > 0) throw new DataFileError(file, null, `names projects the catalogue does not know: ${unknown.join(', ')}`);
  if (labels.length < 2) throw new DataFileError(file, null, 'knows fewer than two projects');
  const classifier = naiveBayesTextClassifier();
  classifier.importJSON(modelJson);
  classifier.consolidate();
  return (text) => {
    const terms = getClassifierTerms(text);
    if (terms.length === 0) return null;
    const [best] = classifier.computeOdds(terms);
    if (!best || !PROJECT_NAMES.includes(best[0])) return null;
    // One-vs-rest log2 odds to a probability.
    const confidence = 1 / (1 + 2 ** -best[1]);
    return confidence >= confidenceFloor ? { project: best[0], confidence: Math.round(confidence * 1000) / 1000 } : null;
  };
}

let defaultInferrer: ProjectInferrer | null | undefined;

/**
 * The classifier shipped in `src/data/project-classifier.json` (learned from the corpus's attributed
 * pairs by `scripts/train-project-classifier.ts`), loaded once on first use; null without that file.
 */
export function getDefaultProjectInferrer(): ProjectInferrer | null {
  if (defaultInferrer === undefined) {
    const path = fileURLToPath(MODEL_FILE);
    // Loaded lazily, only when a pair needs a guess: most runs never pay for it.
    let loaded: ProjectInferrer | null = null;
    const lazy: ProjectInferrer = (text) => {
      if (loaded === null) loaded = createProjectClassifier(readFileSync(path, 'utf8'), DEFAULT_CONFIDENCE_FLOOR, path);
      return loaded(text);
    };
    defaultInferrer = existsSync(path) ? lazy : null;
  }
  return defaultInferrer;
}
