/**
 * Loads a BERT-style ONNX sentence-embedding model for scripts/semantic-eval.ts (issue 11's
 * semantic pass). Its runtime is not a dependency of the service: install it beside the
 * project first, with no download outside the npm registry (onnxruntime-node's postinstall
 * would fetch CUDA binaries from elsewhere on a machine with `nvcc`, hence the skip):
 *
 *   ONNXRUNTIME_NODE_INSTALL=skip npm install --no-save onnxruntime-node@1.30.0 @huggingface/tokenizers@0.2.0
 *
 * The model directory is laid out as Transformers.js expects (`config.json`, `tokenizer.json`,
 * `tokenizer_config.json`, `onnx/model_quantized.onnx`).
 */
import fs from 'node:fs/promises';
import path from 'node:path';

/** A sentence-embedding model loaded in process: unit vectors, so a dot product is the cosine. */
export interface TextEmbedder {
  /** The model's name, pooling and truncation. */
  readonly modelId: string;
  readonly dimensions: number;
  /** Embeds each text (truncated to `maxTokens`); one batch, padded to the longest. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

export interface TextEmbedderOptions {
  /** Tokens per text, [CLS] and [SEP] included (default: 128). */
  maxTokens?: number;
  /** Threads of one inference (default: 1: a query's CPU cost is then what is measured). */
  threads?: number;
}

interface OrtTensor { readonly data: unknown }
interface OrtSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, OrtTensor>): Promise<Record<string, OrtTensor>>;
}
interface Ort {
  InferenceSession: { create(file: string, options: object): Promise<OrtSession> };
  Tensor: new (type: 'int64', data: BigInt64Array, dims: number[]) => OrtTensor;
}
interface Tokenizer { encode(text: string): { ids: number[] } }

// Named through variables so that the type check of the project does not need the packages.
const ortPackage = 'onnxruntime-node';
const tokenizersPackage = '@huggingface/tokenizers';

/** Loads the model, pooling the [CLS] token as BGE models are trained to. */
export async function loadTextEmbedder(modelDir: string, options: TextEmbedderOptions = {}): Promise<TextEmbedder> {
  const ortModule = (await import(ortPackage)) as Ort & { default?: Ort };
  const ort = ortModule.default ?? ortModule;
  const { Tokenizer } = (await import(tokenizersPackage)) as { Tokenizer: new (json: object, config: object) => Tokenizer };
  const maxTokens = options.maxTokens ?? 128;
  const readJson = async (file: string) => JSON.parse(await fs.readFile(path.join(modelDir, file), 'utf8')) as Record<string, unknown>;
  const [config, tokenizerJson, tokenizerConfig] = await Promise.all([readJson('config.json'), readJson('tokenizer.json'), readJson('tokenizer_config.json')]);
  const tokenizer = new Tokenizer(tokenizerJson, tokenizerConfig);
  const session = await ort.InferenceSession.create(path.join(modelDir, 'onnx', 'model_quantized.onnx'), {
    intraOpNumThreads: options.threads ?? 1,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
  });
  const dimensions = Number(config.hidden_size);
  const wantsTypeIds = session.inputNames.includes('token_type_ids');
  const modelId = `${String(config._name_or_path ?? path.basename(modelDir))}:cls:${maxTokens}`;

  async function embed(texts: readonly string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const encodings = texts.map((text) => {
      const ids = tokenizer.encode(text).ids;
      // Truncation keeps [CLS] and the closing [SEP]; the tokenizer itself never truncates.
      return ids.length <= maxTokens ? ids : [...ids.slice(0, maxTokens - 1), ids[ids.length - 1]!];
    });
    const width = Math.max(...encodings.map((ids) => ids.length));
    const inputIds = new BigInt64Array(texts.length * width);
    const mask = new BigInt64Array(texts.length * width);
    encodings.forEach((ids, row) => {
      ids.forEach((id, col) => {
        inputIds[row * width + col] = BigInt(id);
        mask[row * width + col] = 1n;
      });
    });
    const dims = [texts.length, width];
    const feeds: Record<string, OrtTensor> = {
      input_ids: new ort.Tensor('int64', inputIds, dims),
      attention_mask: new ort.Tensor('int64', mask, dims),
    };
    if (wantsTypeIds) feeds.token_type_ids = new ort.Tensor('int64', new BigInt64Array(texts.length * width), dims);
    const output = await session.run(feeds);
    const hidden = output[session.outputNames[0]!]!.data as Float32Array;
    return encodings.map((_, row) => normalise(hidden.slice(row * width * dimensions, row * width * dimensions + dimensions)));
  }

  return { modelId, dimensions, embed };
}

function normalise(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
  return vector;
}
