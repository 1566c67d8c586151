/**
 * What a PDF written by Chromium's `page.pdf()` (Skia) says about its layout, read from its
 * uncompressed objects: the pages' sizes and, in a tagged PDF (`tagged: true`), which pages each
 * element's content was drawn on. Not a general PDF reader: Skia writes page and structure
 * objects as plain dictionaries, which is all this reads.
 */

import { inflateSync } from 'node:zlib'

/** One page: its media box in points. */
export type PdfPage = { width: number; height: number }

/** An element of the tagged PDF's structure tree (`Art` for an `<article>`, `H2`, `P`, …) and the pages (0-based) its content is on. */
export type PdfElement = { role: string; pages: number[] }

type PdfObjects = Map<number, string>

function objectsOf(pdf: Buffer): PdfObjects {
  const objects: PdfObjects = new Map()
  for (const match of pdf.toString('latin1').matchAll(/(\d+) 0 obj\s*(<<[\s\S]*?)(?:stream|endobj)/g)) objects.set(Number(match[1]), match[2]!)
  return objects
}

const refs = (text: string): number[] => [...text.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]))

function catalogEntry(objects: PdfObjects, key: string): number | undefined {
  const catalog = [...objects.values()].find((body) => /\/Type \/Catalog\b/.test(body))
  const ref = catalog?.match(new RegExp(`/${key} (\\d+) 0 R`))?.[1]
  return ref === undefined ? undefined : Number(ref)
}

/** The page objects' numbers in reading order (a long document's page tree has nodes in it). */
function pageObjects(objects: PdfObjects): number[] {
  const walk = (n: number): number[] => {
    const body = objects.get(n) ?? ''
    if (!/\/Type \/Pages\b/.test(body)) return [n]
    return refs(body.match(/\/Kids \[([^\]]*)\]/)?.[1] ?? '').flatMap(walk)
  }
  const root = catalogEntry(objects, 'Pages')
  if (root === undefined) throw new Error('no page tree in the PDF')
  return walk(root)
}

/** The PDF's pages, in order. */
export function pdfPages(pdf: Buffer): PdfPage[] {
  const objects = objectsOf(pdf)
  return pageObjects(objects).map((n) => {
    const [, , width, height] = objects.get(n)!.match(/\/MediaBox \[([^\]]*)\]/)![1]!.trim().split(/\s+/).map(Number)
    return { width: width!, height: height! }
  })
}

/** Every element of a tagged PDF's structure tree, in document order, with the pages its content is on. */
export function pdfElements(pdf: Buffer): PdfElement[] {
  const objects = objectsOf(pdf)
  const pageIndex = new Map(pageObjects(objects).map((n, i) => [n, i]))
  const root = catalogEntry(objects, 'StructTreeRoot')
  if (root === undefined) throw new Error('the PDF is not tagged (page.pdf({ tagged: true }))')
  const elements: PdfElement[] = []
  // The kids of a structure element: other elements (references) or marked content on its page (numbers).
  const kidsOf = (body: string) => {
    const k = body.match(/\/K (\[[^\]]*\]|\d+ 0 R|\d+)/)?.[1] ?? ''
    return { elements: refs(k), content: k.replace(/\d+ 0 R/g, '').match(/\d+/) !== null }
  }
  const visit = (n: number): Set<number> => {
    const body = objects.get(n) ?? ''
    const role = body.match(/\/S \/(\w+)/)?.[1]
    const entry: PdfElement | undefined = role && /\/Type \/StructElem\b/.test(body) ? { role, pages: [] } : undefined
    if (entry) elements.push(entry)
    const pages = new Set<number>()
    const kids = kidsOf(body)
    const page = body.match(/\/Pg (\d+) 0 R/)?.[1]
    if (kids.content && page !== undefined) pages.add(pageIndex.get(Number(page))!)
    for (const kid of kids.elements) for (const p of visit(kid)) pages.add(p)
    if (entry) entry.pages = [...pages].sort((a, b) => a - b)
    return pages
  }
  visit(root)
  return elements
}

/** A stream object's bytes, inflated when Skia compressed them (`/Filter /FlateDecode`). */
function streamOf(pdf: Buffer, n: number): string {
  const text = pdf.toString('latin1')
  const head = new RegExp(`(?:^|\\s)${n} 0 obj\\s*(<<[\\s\\S]*?>>)\\s*stream\\r?\\n`).exec(text)
  if (!head) return ''
  const start = head.index + head[0].length
  const bytes = pdf.subarray(start, text.indexOf('endstream', start))
  return (/\/FlateDecode/.test(head[1]!) ? inflateSync(bytes) : bytes).toString('latin1')
}

/** A font's glyph id → text, from its `ToUnicode` CMap (Skia writes `bfchar` and `bfrange` entries). */
function glyphsOf(cmap: string): Map<number, string> {
  const glyphs = new Map<number, string>()
  const text = (hex: string) => String.fromCodePoint(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)))
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, glyph, unicode] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) glyphs.set(parseInt(glyph!, 16), text(unicode!))
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, from, to, unicode] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const first = parseInt(unicode!, 16)
      for (let g = parseInt(from!, 16); g <= parseInt(to!, 16); g++) glyphs.set(g, String.fromCodePoint(first + g - parseInt(from!, 16)))
    }
  return glyphs
}

/**
 * The text drawn on each page, one string per text-showing operation, in drawing order: enough
 * to find a line such as "Page 2 of 5" (Skia draws a run of text as one `Tj`/`TJ`).
 */
export function pdfPageTexts(pdf: Buffer): string[][] {
  const objects = objectsOf(pdf)
  const fonts = new Map<number, Map<number, string>>()
  const fontGlyphs = (n: number) => {
    if (!fonts.has(n)) {
      const cmap = objects.get(n)?.match(/\/ToUnicode (\d+) 0 R/)?.[1]
      fonts.set(n, cmap === undefined ? new Map() : glyphsOf(streamOf(pdf, Number(cmap))))
    }
    return fonts.get(n)!
  }
  return pageObjects(objects).map((n) => {
    const body = objects.get(n)!
    const names = new Map([...(body.match(/\/Font <<([^>]*)>>/)?.[1] ?? '').matchAll(/\/(\w+) (\d+) 0 R/g)].map((m) => [m[1]!, Number(m[2])]))
    const contents = refs(body.match(/\/Contents (\[[^\]]*\]|\d+ 0 R)/)?.[1] ?? '')
    const runs: string[] = []
    let font = new Map<number, string>()
    for (const content of contents)
      for (const [, name, shown] of streamOf(pdf, content).matchAll(/\/(\w+) [\d.]+ Tf|(\[[^\]]*\]|<[0-9A-Fa-f]*>) ?T[jJ]/g)) {
        if (name !== undefined) font = fontGlyphs(names.get(name) ?? -1)
        else runs.push([...shown!.matchAll(/<([0-9A-Fa-f]*)>/g)].flatMap((m) => m[1]!.match(/.{4}/g) ?? []).map((g) => font.get(parseInt(g, 16)) ?? '').join(''))
      }
    return runs
  })
}

/**
 * The top and bottom margins, in whole millimetres, of each page something is drawn on: Skia clips the page's content to its
 * page area (inside `@page`'s margins) with a rectangle in the page's starting coordinates
 * (CSS pixels × 0.75 pt, from the top), after anything drawn in the margins (margin boxes).
 */
export function pdfPageMargins(pdf: Buffer): { top: number; bottom: number }[] {
  const objects = objectsOf(pdf)
  const mm = (pt: number) => Math.round(Math.abs((pt / 72) * 25.4)) // no -0
  return pageObjects(objects).flatMap((n) => {
    const body = objects.get(n)!
    const height = Number(body.match(/\/MediaBox \[([^\]]*)\]/)![1]!.trim().split(/\s+/)[3])
    const content = refs(body.match(/\/Contents (\[[^\]]*\]|\d+ 0 R)/)?.[1] ?? '').map((c) => streamOf(pdf, c)).join('\n')
    const scale = Number(content.match(/^([\d.]+) 0 0 -[\d.]+ 0 [\d.]+ cm/)?.[1])
    // The page area's clip is drawn at the outermost level: the margin boxes' own cm sit in q … Q.
    let depth = 0
    for (const line of content.split('\n')) {
      if (line === 'q') depth++
      else if (line === 'Q') depth--
      const clip = depth <= 1 ? line.match(/^([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+) re$/) : null
      if (clip) {
        const [y, h] = [Number(clip[2]) * scale, Number(clip[4]) * scale]
        return [{ top: mm(y), bottom: mm(height - y - h) }]
      }
    }
    return [] // a blank page
  })
}
