/**
 * The languages the person asked their browser for, best first. Intl's own default is the
 * browser's interface language (a German reader of an English Chrome got US dates), so dates
 * name these explicitly.
 */
export function browserLocales(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages
}

const formats = new Map<string, Intl.DateTimeFormat>()

/** One formatter per language list: made once, as they are slow to make and dates are many. */
function dateTimeFormat(locales: readonly string[]): Intl.DateTimeFormat {
  const key = locales.join(',')
  let format = formats.get(key)
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }
    try {
      format = new Intl.DateTimeFormat([...locales], options)
    } catch {
      // A tag Intl refuses (hand-set browser preferences can hold anything): the default then.
      format = new Intl.DateTimeFormat(undefined, options)
    }
    formats.set(key, format)
  }
  return format
}

/** A moment (an ISO string) as a date and time in the browser's preferred language: "14.03.2026, 16:09". */
export function dateTimeText(iso: string, locales: readonly string[] = browserLocales()): string {
  return dateTimeFormat(locales).format(new Date(iso))
}
