import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'

/**
 * tldraw's icons, fonts and translations, bundled and served by us: a self-hosted canvas must
 * work with no internet (by default tldraw fetches them from its CDN).
 */
export const tldrawAssetUrls = getAssetUrlsByImport()
