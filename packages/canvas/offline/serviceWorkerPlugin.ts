import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Plugin } from 'vite'

const template = new URL('./serviceWorker.js', import.meta.url)

/**
 * Emits `sw.js` with the list of built files to precache, so the app opens offline even if the
 * first visit never loaded the board chunk. Source maps are left out, and so are tldraw's
 * translations except English (`main.json`, which every language falls back to; the user's own
 * is cached when first fetched). The worker changes whenever the build does, so browsers update it.
 */
export function serviceWorkerPlugin(): Plugin {
  return {
    name: 'storyloom:service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.values(bundle)
        .filter((file) => !file.fileName.endsWith('.map'))
        .filter((file) => file.type !== 'asset' || !isOtherTranslation(file.originalFileNames))
        .map((file) => `/${file.fileName}`)
        .sort()
      // index.html and public/ files are not part of the bundle at this point.
      const precache = [...files, '/index.html', '/favicon.svg']
      const buildId = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12)
      const source = readFileSync(template, 'utf8')
        .replace('__BUILD_ID__', buildId)
        .replace('__PRECACHE__', JSON.stringify(precache))
      this.emitFile({ type: 'asset', fileName: 'sw.js', source })
    },
  }
}

function isOtherTranslation(originalFileNames: readonly string[]): boolean {
  return originalFileNames.some(
    (name) => name.includes('/translations/') && !name.endsWith('/main.json') && !name.endsWith('/en.json'),
  )
}
