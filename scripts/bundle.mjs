/**
 * Builds the five bundles with esbuild (`npm run bundle -- [--sourcemap] [--minify] [--watch]`):
 *   dist/extension.js, dist/server.js, dist/cli.js  Node (package.json `main`, the server process, the CLI)
 *   dist/web/extension.js                           the web client (package.json `browser`), CommonJS for the web extension host
 *   dist/web/server.js                              the server in a web worker, an IIFE (VS Code may start it with importScripts)
 *
 * The web bundles resolve `path` to path-browserify, and `fs`, `os`, `url` to a module whose
 * every function throws: the server's runtime boundary (server/src/runtime/) keeps the web
 * worker away from them, and a call that slips through fails loudly instead of at bundling.
 * Missing globals are not reported by esbuild (`setImmediate`, `__dirname`, `process` fail
 * only at run time in a worker): the web e2e run (`npm run test:e2e:web`) is what catches them.
 */
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import process from 'process';

const args = process.argv.slice(2);
const common = {
  bundle: true,
  // The built-in catalog is imported as a string and parsed on first use (server/src/core/builtinData.ts).
  loader: { '.json': 'text' },
  sourcemap: args.includes('--sourcemap'),
  minify: args.includes('--minify'),
  logLevel: 'warning',
};

/**
 * `fs`, `os`, `url` in the web bundles: the module's own names (read from Node at bundling, so
 * module-level reads such as `fs.constants.O_RDONLY` work), every function throwing when called.
 */
function nodeOnlyModule(name, real) {
  const members = Object.entries(real).filter(([key]) => key !== 'default').map(([key, value]) => {
    const label = `${name}.${key}`;
    if (typeof value === 'function') return `${JSON.stringify(key)}: fail(${JSON.stringify(label)})`;
    if (value && typeof value === 'object') {
      const inner = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${typeof v === 'function' ? `fail(${JSON.stringify(`${label}.${k}`)})` : JSON.stringify(typeof v === 'number' ? v : null)}`);
      return `${JSON.stringify(key)}: {${inner.join(', ')}}`;
    }
    return `${JSON.stringify(key)}: undefined`;
  });
  return `const fail = (what) => () => { throw new Error(what + ' is not available in a web worker'); };\nmodule.exports = {${members.join(',\n')}};`;
}

const nodeOnly = {
  name: 'node-only-modules',
  setup(build) {
    build.onResolve({ filter: /^(fs|os|url)$/ }, (resolved) => ({ path: resolved.path, namespace: 'node-only' }));
    build.onLoad({ filter: /.*/, namespace: 'node-only' }, async (loaded) => ({ contents: nodeOnlyModule(loaded.path, await import(`node:${loaded.path}`)), loader: 'js' }));
  },
};
const web = { ...common, platform: 'browser', target: 'es2022', alias: { path: 'path-browserify' }, plugins: [nodeOnly] };

const builds = [
  {
    ...common,
    entryPoints: ['client/src/extension.ts', 'server/src/server.ts', 'server/src/cli.ts'],
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    outdir: 'dist',
    entryNames: '[name]',
  },
  { ...web, entryPoints: ['client/src/browserExtension.ts'], format: 'cjs', external: ['vscode'], outfile: 'dist/web/extension.js' },
  { ...web, entryPoints: ['server/src/browserServer.ts'], format: 'iife', outfile: 'dist/web/server.js' },
];
if (args.includes('--watch')) {
  // `npm run watch`: rebuild every bundle on change, until stopped.
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}

/**
 * `--e2e-web`: the extension-host suite for the web worker (out/test/e2e/web/index.js), the same
 * suite files as the Node host's, with the npm `assert` package for Node's.
 */
if (args.includes('--e2e-web')) {
  const suiteDir = 'test/e2e/suite';
  const suites = fs.readdirSync(suiteDir).filter((name) => name.endsWith('.test.ts')).sort();
  const suiteList = {
    name: 'e2e-suites',
    setup(build) {
      build.onResolve({ filter: /^virtual:e2e-suites$/ }, () => ({ path: 'e2e-suites', namespace: 'e2e-suites' }));
      build.onLoad({ filter: /.*/, namespace: 'e2e-suites' }, () => ({
        contents: suites.map((name) => `require(${JSON.stringify(`./${suiteDir}/${name}`)});`).join('\n'),
        resolveDir: process.cwd(),
        loader: 'js',
      }));
    },
  };
  await esbuild.build({
    ...web,
    entryPoints: ['test/e2e/web/index.ts'],
    format: 'cjs',
    external: ['vscode'],
    outfile: 'out/test/e2e/web/index.js',
    sourcemap: 'inline',
    // The npm assert package reads process.env.NODE_DEBUG, process.stderr and process.emitWarning, which a worker lacks;
    // E2E_GREP selects tests as in the Node host (read now: a worker has no environment).
    define: {
      'process.env.NODE_DEBUG': 'false',
      'process.stderr': 'undefined',
      'process.emitWarning': 'undefined',
      'process.env.E2E_GREP': JSON.stringify(process.env.E2E_GREP ?? ''),
    },
    plugins: [...web.plugins, suiteList],
  });
}
