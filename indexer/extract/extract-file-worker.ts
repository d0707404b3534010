// A worker thread of `create-thread-extractor.ts`: extracts the files it is sent with the sources
// made from its configuration (sources hold functions and regexes, which cannot be sent).
import { parentPort, workerData } from 'node:worker_threads';
import type { SourceConfig } from '../../src/source-config.ts';
import { createContentSources, type SourceDefaults } from '../sources/create-content-sources.ts';
import { extractFile, type FileToExtract } from './extract-file.ts';

export interface ExtractFileRequest extends FileToExtract {
  id: number;
  text: string;
}

const { configs, defaults } = workerData as { configs: SourceConfig[]; defaults: SourceDefaults };
const sources = createContentSources(configs, defaults);

parentPort?.on('message', ({ id, text, ...file }: ExtractFileRequest) => {
  try {
    parentPort?.postMessage({ id, result: extractFile(sources, text, file) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
