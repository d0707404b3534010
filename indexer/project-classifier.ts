import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import naiveBayesTextClassifier from 'wink-naive-bayes-text-classifier';
import { z } from 'zod';
import { PROJECT_NAMES } from '../src/project-catalogue.ts';
import { DataFileError } from '../src/errors/data-file-error.ts';
import type { ProjectInferrer } from './assign-projects.ts';

/** Below this probability a guess is not used: the pair stays without a project (default of `createProjectClassifier`). */
export const DEFAULT_CONFIDENCE_FLOOR = 0.75;

/** Terms seen in fewer training texts than this are left out of the shipped model (noise, and size). */
export const MIN_TERM_TEXTS = 1;

const MODEL_FILE = new URL('../src/data/project-classifier.json', import.meta.url);

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

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

/** The shape of wink's exported model: [config, samples per label, term counts per label, terms per label, vocabulary]. */
const modelSchema = z.tuple([
  z.object({ considerOnlyPresence: z.boolean(), smoothingFactor: z.number() }),
  z.record(z.string(), z.number().int().positive()),
  z.record(z.string(), z.record(z.string(), z.number().int().positive())),
  z.record(z.string(), z.number().int().nonnegative()),
  z.array(z.string()),
]);

/**
 * A `ProjectInferrer` from a model's JSON (as `trainProjectClassifier` makes it): the most likely
 * project and its probability, or null when the text has no known term or the probability is under
 * `confidenceFloor`. Throws `DataFileError` (`data-file-invalid`) when the JSON is not such a model or names a
 * project the catalogue does not know (`file` names the model in the message).
 */
export function createProjectClassifier(modelJson: string, confidenceFloor = DEFAULT_CONFIDENCE_FLOOR, file = 'project classifier model'): ProjectInferrer {
  let parsed;
  try {
    parsed = modelSchema.safeParse(JSON.parse(modelJson));
  } catch (error) {
    throw new DataFileError(file, null, `not JSON: ${(error as Error).message}`);
  }
  if (!parsed.success) throw new DataFileError(file, null, `not a naive Bayes model as trainProjectClassifier writes it: ${parsed.error.message}`);
  const labels = Object.keys(parsed.data[1]);
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
