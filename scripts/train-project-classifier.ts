/**
 * `node --import tsx scripts/train-project-classifier.ts [<corpus>] [--evaluate] [--check]`
 * Learns the project classifier from the pairs the posts attribute themselves (an attribution line
 * or a topic header naming one project) and writes `src/data/project-classifier.json`, which the
 * extractor uses for pairs nothing names. `--evaluate` prints a leave-one-post-out accuracy per
 * confidence floor instead of writing; `--check` fails when the shipped model is out of date.
 * Default corpus: ../shared/corpus/sofastack.tech.
 */
import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractCorpus } from '../indexer/extract/extract-corpus.ts';
import { createProjectClassifier, trainProjectClassifier, type TrainingSample } from '../indexer/sources/weekly/project-classifier.ts';
import type { QaRecord } from '../src/qa-record.ts';

const MODEL_FILE = fileURLToPath(new URL('../src/data/project-classifier.json', import.meta.url));
const DEFAULT_CORPUS = path.resolve(import.meta.dirname, '..', '..', 'shared', 'corpus', 'sofastack.tech');

/** The samples: pairs whose post names their one project, text as the extractor gives it. */
export async function getTrainingSamples(corpus: string): Promise<(TrainingSample & { source: string })[]> {
  const records: QaRecord[] = [];
  for await (const post of extractCorpus([corpus], { inferProject: null })) records.push(...post.records);
  return records
    .filter((record) => (record.projectSource === 'attribution' || record.projectSource === 'header') && record.projects.length === 1)
    .map((record) => ({ project: record.projects[0] ?? '', text: `${record.question}\n${record.answer}`, source: record.source }));
}

function evaluate(samples: (TrainingSample & { source: string })[]): void {
  const floors = [0, 0.5, 0.8, 0.9, 0.95, 0.99];
  const tally = floors.map(() => ({ answered: 0, right: 0 }));
  for (const source of new Set(samples.map((sample) => sample.source))) {
    const infer = createProjectClassifier(trainProjectClassifier(samples.filter((sample) => sample.source !== source)), 0);
    for (const sample of samples.filter((s) => s.source === source)) {
      const guess = infer(sample.text);
      floors.forEach((floor, i) => {
        const counts = tally[i];
        if (!guess || guess.confidence < floor || !counts) return;
        counts.answered += 1;
        if (guess.project === sample.project) counts.right += 1;
      });
    }
  }
  process.stdout.write(`leave-one-post-out over ${samples.length} attributed pairs:\n`);
  floors.forEach((floor, i) => {
    const { answered, right } = tally[i] ?? { answered: 0, right: 0 };
    process.stdout.write(`  floor ${floor.toFixed(2)}: guesses ${answered} (${((100 * answered) / samples.length).toFixed(0)}%), right ${((100 * right) / Math.max(1, answered)).toFixed(1)}%\n`);
  });
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { evaluate: { type: 'boolean' }, check: { type: 'boolean' } } });
  const samples = await getTrainingSamples(positionals[0] ?? DEFAULT_CORPUS);
  if (values.evaluate) return evaluate(samples);
  const model = `${trainProjectClassifier(samples)}\n`;
  if (values.check) {
    const current = readFileSync(MODEL_FILE, 'utf8');
    if (current !== model) {
      process.stderr.write(`${MODEL_FILE} is out of date: run node --import tsx scripts/train-project-classifier.ts\n`);
      process.exit(1);
    }
    process.stdout.write(`${MODEL_FILE} is up to date (${samples.length} samples)\n`);
    return;
  }
  writeFileSync(MODEL_FILE, model);
  process.stdout.write(`wrote ${MODEL_FILE}: ${samples.length} samples, ${(model.length / 1024).toFixed(0)} KB\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
