import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

/** `import.meta.*` of a module, replaced (esbuild's `define`, so never inside strings) by constants of its own. */
const MODULE_CONSTANTS = { 'import.meta.url': '__testModuleUrl', 'import.meta.dirname': '__testModuleDirname', 'import.meta.filename': '__testModuleFilename' };

/**
 * Each module's `import.meta.url`, `.dirname` and `.filename` as those of its source file, so
 * that paths read relative to a module (fixtures, data files, the watchdog, a child's entry)
 * resolve as they do under tsx. (`import.meta.resolve` is left alone: the code resolves only
 * package names with it, which resolve the same from a bundle inside the project.)
 */
const keepSourceLocations: Plugin = {
  name: 'keep-source-locations',
  setup(plugin) {
    plugin.onLoad({ filter: /\.[mc]?[jt]s$/ }, async (args) => {
      if (args.path.split(path.sep).includes('node_modules')) return undefined;
      let text = await readFile(args.path, 'utf8');
      // Any other use of `import.meta` (a relative `import.meta.resolve`, `import.meta` passed
      // around) would see the bundle's location: fail the bundling, and the run uses tsx.
      for (const use of text.matchAll(/import\.meta(?:\.(\w+)(\(\s*['"`](.))?)?/g)) {
        const [, member, call, firstChar] = use;
        const supported = member === 'url' || member === 'dirname' || member === 'filename' || (member === 'resolve' && call !== undefined && firstChar !== '.' && firstChar !== '/');
        if (!supported) throw new Error(`${args.path}: \`${use[0]}\` is not kept by the test bundle (only import.meta.url, .dirname, .filename and .resolve of a package)`);
      }
      if (text.includes('import.meta')) {
        // on the first line (after a #! line), so that the source map's lines hold
        const constants = `const __testModuleUrl = ${JSON.stringify(pathToFileURL(args.path).href)}, __testModuleDirname = ${JSON.stringify(path.dirname(args.path))}, __testModuleFilename = ${JSON.stringify(args.path)}; `;
        const start = text.startsWith('#!') ? text.indexOf('\n') + 1 : 0;
        text = text.slice(0, start) + constants + text.slice(start);
      }
      return { contents: text, loader: /\.[mc]?ts$/.test(args.path) ? 'ts' : 'js' };
    });
  },
};

/**
 * The test processes' entries (`entries`: modules importing test files) bundled into `outDir`,
 * one file each with what they import from the project (packages stay imports), modules shared
 * by several entries in chunks beside them, with source maps: what `node --test` then runs with
 * plain `node --enable-source-maps`, instead of under tsx. tsx's module hooks run on a thread of
 * their own and cost each test process 1.2-1.5 CPU-seconds on Node 20 for the app's ~900
 * modules, twice what loading them takes; esbuild applies the transform tsx applies, once for
 * the run. `outDir` must be inside the project, so that package imports resolve from its
 * node_modules. Resolves with the bundles' paths, in the order of `entries`.
 */
export async function bundleTestEntries(entries: readonly string[], outDir: string): Promise<string[]> {
  await build({
    entryPoints: [...entries],
    outdir: outDir,
    entryNames: '[name]',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    packages: 'external',
    plugins: [keepSourceLocations],
    define: MODULE_CONSTANTS,
    sourcemap: 'linked',
    logLevel: 'silent',
  });
  return entries.map((entry) => path.join(outDir, `${path.basename(entry, path.extname(entry))}.mjs`));
}
