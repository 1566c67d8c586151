// Builds the one-process Storyloom (src/main.ts, with @storyloom/server, gpu-worker and shared)
// into plain JavaScript in bundle/, so `pnpm start` does not compile TypeScript at every start
// (tsx took 5–15 s of each start). `pnpm start` and the e2e tests run it before starting;
// bin/serve.sh runs the bundle only while no source is newer than it, else the sources via tsx.
//
// - Only Storyloom's own packages are bundled. Every other package (native ones like
//   better-sqlite3 and onnxruntime-node included) stays an import, of the file the package's
//   own folder resolves to: the bundle lives in packages/app, where pnpm gives no access to
//   the server's or the worker's dependencies.
// - Each module keeps its source location as `import.meta.url`, so files found next to the
//   sources (drizzle/ migrations, package.json, the canvas build, createRequire) are the same.
// - The inference child process is a second entry, which the worker forks instead of the
//   TypeScript one (STORYLOOM_BUILT_INFERENCE, see gpu-worker's inferenceWorker.ts).
import { readFile, utimes } from 'node:fs/promises'
import { isBuiltin } from 'node:module'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const appDir = dirname(fileURLToPath(import.meta.url))
const outdir = join(appDir, 'bundle')
const inferenceSource = join(appDir, '../gpu-worker/src/pipeline/inferenceProcess.ts')

/** `to` as a relative URL path from the folder `from`. */
const relativeUrl = (from, to) => {
  const path = relative(from, to).split(sep).join('/')
  return path.startsWith('.') ? path : `./${path}`
}

/** Other packages stay imports, of the file they resolve to from the importing module's folder. */
const dependenciesStayOutside = {
  name: 'dependencies-stay-outside',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData?.resolving || args.path.startsWith('@storyloom/')) return undefined
      if (isBuiltin(args.path)) return { path: args.path, external: true }
      const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { resolving: true } })
      if (found.errors.length > 0) return { errors: found.errors }
      return { path: relativeUrl(outdir, found.path), external: true }
    })
  },
}

/** `import.meta.url` of every bundled module is its source file's URL (relative to the bundle, so the checkout may move). */
const sourceLocations = {
  name: 'source-locations',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      let contents = await readFile(args.path, 'utf8')
      const sourceUrl = `new URL(${JSON.stringify(relativeUrl(outdir, args.path))}, import.meta.url).href`
      contents = contents.replaceAll('import.meta.url', sourceUrl)
      return { contents, loader: 'ts' }
    })
  },
}

// Sources changed while this build reads them must count as newer than it (bin/serve.sh).
const started = new Date()
await build({
  entryPoints: { main: join(appDir, 'src/main.ts'), inferenceProcess: inferenceSource },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Exactly what node resolves: no "module" condition or field.
  conditions: [],
  mainFields: ['main'],
  sourcemap: 'linked',
  // Class names stay as written when bundling renames a clash (WorkerError subclasses name themselves with new.target.name).
  keepNames: true,
  // Relative to inferenceWorker.ts, which (see sourceLocations) resolves it from its source folder.
  define: { STORYLOOM_BUILT_INFERENCE: JSON.stringify(relativeUrl(dirname(inferenceSource), join(outdir, 'inferenceProcess.js'))) },
  logLevel: 'warning',
  plugins: [dependenciesStayOutside, sourceLocations],
})
await utimes(join(outdir, 'main.js'), started, started)
await utimes(join(outdir, 'inferenceProcess.js'), started, started)
