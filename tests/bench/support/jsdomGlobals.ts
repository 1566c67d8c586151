import { JSDOM } from 'jsdom'

/**
 * A DOM for benchmarks that drive the canvas's tldraw editor without a browser, as its vitest
 * tests do under jsdom: jsdom's window as the globals. Import it before any canvas module (ES
 * modules run in import order), and only from a bench run on its own: it changes the globals
 * of the whole process.
 */
const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true, url: 'http://localhost/' })
const globals = globalThis as Record<string, unknown>
for (const name of ['window', 'document', 'navigator', 'HTMLElement', 'Element', 'Node', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame', 'localStorage']) {
  Object.defineProperty(globals, name, { value: (window as unknown as Record<string, unknown>)[name], configurable: true, writable: true })
}
