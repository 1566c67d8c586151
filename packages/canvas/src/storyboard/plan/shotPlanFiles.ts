/**
 * The browser side of shot plan files: picking one to import and handing one to the user.
 */

/** Asks the user for one file; resolves with `null` if they cancel. */
export async function pickFile(accept: readonly string[], doc: Document = document): Promise<File | null> {
  return (await pickFromInput(accept, false, doc))[0] ?? null
}

/** Asks the user for any number of files; resolves with none if they cancel. */
export function pickFiles(accept: readonly string[], doc: Document = document): Promise<File[]> {
  return pickFromInput(accept, true, doc)
}

/** The browser's own file chooser, through a hidden file input that is gone once it answers. */
function pickFromInput(accept: readonly string[], multiple: boolean, doc: Document): Promise<File[]> {
  return new Promise((resolve) => {
    const input = doc.createElement('input')
    input.type = 'file'
    input.accept = accept.join(',')
    input.multiple = multiple
    input.style.display = 'none'
    const done = (files: File[]) => {
      input.remove()
      resolve(files)
    }
    input.addEventListener('change', () => done([...(input.files ?? [])]), { once: true })
    input.addEventListener('cancel', () => done([]), { once: true })
    doc.body.appendChild(input)
    input.click()
  })
}

/** Offers `text` to the user as a download called `name`. */
export function downloadText(name: string, text: string, type: string, doc: Document = document): void {
  downloadBlob(name, new Blob([text], { type }), doc)
}

/** Offers `blob` to the user as a download called `name`. */
export function downloadBlob(name: string, blob: Blob, doc: Document = document): void {
  const url = URL.createObjectURL(blob)
  const link = doc.createElement('a')
  link.href = url
  link.download = name
  link.click()
  // The click has started the download; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/**
 * A file name from a board's name: letters (of any script, Latin ones without their accents),
 * digits and dashes only, so it is safe on every operating system; `fallback` if nothing is left.
 */
export function fileBaseName(boardName: string | undefined, fallback: string): string {
  const slug = (boardName ?? '')
    .normalize('NFKD')
    // Accents off Latin letters only (Russian й keeps its breve).
    .replace(/(\p{Script=Latin})[\u0300-\u036f]+/gu, '$1')
    .toLowerCase()
    // A mark of another script (a kana's dakuten, a Devanagari vowel sign) stays with its letter.
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .normalize('NFC')
  return Array.from(slug).slice(0, 80).join('').replace(/-+$/, '') || fallback
}
