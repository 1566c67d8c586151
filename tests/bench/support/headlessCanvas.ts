import { createRequire, register } from 'node:module'

/**
 * A DOM for benchmarks that drive the canvas's tldraw editor without a browser (as its vitest
 * tests do under jsdom): jsdom's window as the globals, and the canvas's CSS imports loaded as
 * empty modules, and `tldraw` is the canvas's. Import this before any canvas module, and load
 * those with {@link canvasModule}: this package neither depends on the canvas nor on tldraw.
 */
const canvasPackage = new URL('../../../packages/canvas/package.json', import.meta.url)
// 'tldraw' is resolved from the canvas package, so the bench and the canvas share one copy.
register(
  'data:text/javascript,' +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) { return next(specifier, specifier === 'tldraw' ? { ...context, parentURL: ${JSON.stringify(canvasPackage.href)} } : context) }
       export async function load(url, context, next) { return url.endsWith('.css') ? { format: 'module', source: '', shortCircuit: true } : next(url, context) }`,
    ),
)

// jsdom is the canvas package's test dependency, not this one's.
type JsdomModule = { JSDOM: new (html: string, options: object) => { window: object } }
const { JSDOM } = createRequire(canvasPackage)('jsdom') as JsdomModule
const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true, url: 'http://localhost/' })
const globals = globalThis as Record<string, unknown>
for (const name of ['window', 'document', 'navigator', 'HTMLElement', 'Element', 'Node', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame', 'localStorage']) {
  Object.defineProperty(globals, name, { value: (window as unknown as Record<string, unknown>)[name], configurable: true, writable: true })
}

/**
 * A module of the canvas's source (`storyboard/shotNumbers.ts`), loaded at run time: the canvas is
 * not a dependency of this package, and its sources are outside this project's TypeScript root.
 */
export function canvasModule<T>(path: string): Promise<T> {
  return import(new URL(`../../../packages/canvas/src/${path}`, import.meta.url).href) as Promise<T>
}

/** The canvas's tldraw (the same instance its modules use), loaded at run time. */
export function canvasTldraw<T>(): Promise<T> {
  const specifier = 'tldraw'
  return import(specifier) as Promise<T>
}
