/**
 * What a PDF written by Chromium's `page.pdf()` (Skia) says about its layout, read from its
 * uncompressed objects: the pages' sizes and, in a tagged PDF (`tagged: true`), which pages each
 * element's content was drawn on. Not a general PDF reader: Skia writes page and structure
 * objects as plain dictionaries, which is all this reads.
 */

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
