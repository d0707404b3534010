import fs from 'node:fs/promises';
import type { Plugin } from 'esbuild';

/** What micromark's `parse` (micromark/lib/parse.js) does on every call. */
const COMBINE_ON_EVERY_PARSE = 'combineExtensions([defaultConstructs, ...(settings.extensions || [])])';

/**
 * esbuild plugin for the bundles: micromark's `parse` combines the CommonMark constructs with the
 * extensions (GFM) again on every call, though they never change for one processor
 * (`remark-parse` passes the same array each time) and parsing never writes to them. The
 * extractor parses ~400 small questions and answers per run, and the combining was 3.5% of the
 * instructions of `npm run extract`; here it is done once per extensions array. The output is the
 * same (the CLI tests run the bundles). Should micromark change that line, the build fails
 * here rather than bundle something untried.
 */
export function reuseMicromarkConstructs(): Plugin {
  return {
    name: 'reuse-micromark-constructs',
    setup(plugin) {
      plugin.onLoad({ filter: /[\\/]node_modules[\\/]micromark[\\/]lib[\\/]parse\.js$/ }, async (args) => {
        const source = await fs.readFile(args.path, 'utf8');
        if (!source.includes(COMBINE_ON_EVERY_PARSE)) {
          throw new Error(`${args.path} no longer has \`${COMBINE_ON_EVERY_PARSE}\`: review scripts/reuse-micromark-constructs.ts against this micromark version`);
        }
        const combinedOnce = `const combinedConstructs = new WeakMap();
function combineOnce(extensions) {
  let combined = combinedConstructs.get(extensions);
  if (!combined) combinedConstructs.set(extensions, (combined = combineExtensions([defaultConstructs, ...extensions])));
  return combined;
}
`;
        const patched = source.replace(COMBINE_ON_EVERY_PARSE, '(settings.extensions ? combineOnce(settings.extensions) : combineExtensions([defaultConstructs]))');
        return { contents: `${patched}\n${combinedOnce}`, loader: 'js' };
      });
    },
  };
}
