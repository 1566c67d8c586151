// Every date and time the app shows people is written here, so they read the same way everywhere
// and in the reader's language: no component formats a date on its own.

/**
 * The languages the person asked their browser for, best first. Intl's own default is the
 * browser's interface language (a German reader of an English Chrome got US dates), so dates
 * name these explicitly.
 */
export function browserLocales(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : navigator.languages
}

/** A moment: an ISO string (as the API sends them), milliseconds since the epoch, or a Date. */
export type Moment = string | number | Date

/** The ways a moment is written: a handful, so that the same kind of moment reads the same on every screen. */
const STYLES = {
  /** "14 Mar 2026, 16:09": when something happened or ends. */
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  /** "14 March 2026": the day a page is printed. */
  longDate: { dateStyle: 'long' },
  /** "16:09": a time earlier today. */
  time: { timeStyle: 'short' },
  /** "14 Mar": a day this year, beside relative times. */
  dayThisYear: { day: 'numeric', month: 'short' },
  /** "14 Mar 2025": a day in another year, beside relative times. */
  day: { day: 'numeric', month: 'short', year: 'numeric' },
} satisfies Record<string, Intl.DateTimeFormatOptions>
type Style = keyof typeof STYLES

const formats = new Map<string, Intl.DateTimeFormat>()

/** One formatter per style and language list: made once, as they are slow to make and dates are many. */
function dateTimeFormat(style: Style, locales: readonly string[]): Intl.DateTimeFormat {
  const key = `${style}|${locales.join(',')}`
  let format = formats.get(key)
  if (!format) {
    const options: Intl.DateTimeFormatOptions = STYLES[style]
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

const written = (style: Style, at: Moment, locales: readonly string[]) => dateTimeFormat(style, locales).format(new Date(at))

/** A moment as a date and time in the browser's preferred language: "14.03.2026, 16:09". */
export function dateTimeText(at: Moment, locales: readonly string[] = browserLocales()): string {
  return written('dateTime', at, locales)
}

/** A moment's day, its month named, in the browser's preferred language: "14. März 2026". */
export function longDateText(at: Moment, locales: readonly string[] = browserLocales()): string {
  return written('longDate', at, locales)
}

/** A moment's time of day, to the minute, in the browser's preferred language: "16:09", "4:09 PM". */
export function timeText(at: Moment, locales: readonly string[] = browserLocales()): string {
  return written('time', at, locales)
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 60 * 60],
  ['day', 24 * 60 * 60],
]

/**
 * "5 minutes ago" is part of a sentence ("Updated 5 minutes ago"), so it is in the app's own
 * language, English, as "just now" is; only calendar dates follow the reader's.
 */
let relativeFormat: Intl.RelativeTimeFormat | undefined

/** "just now", "5 minutes ago", "yesterday", … and the day (in the reader's language) for anything older than a week. */
export function relativeTimeText(at: Moment, now: Date = new Date(), locales: readonly string[] = browserLocales()): string {
  const then = new Date(at)
  const seconds = Math.round((now.getTime() - then.getTime()) / 1000)
  if (seconds < 45) return 'just now'
  if (seconds < 7 * 24 * 60 * 60) {
    relativeFormat ??= new Intl.RelativeTimeFormat('en', { numeric: 'auto' })
    let [unit, size] = UNITS[0]!
    for (const candidate of UNITS) if (seconds >= candidate[1]) [unit, size] = candidate
    return relativeFormat.format(-Math.max(1, Math.round(seconds / size)), unit)
  }
  return written(then.getFullYear() === now.getFullYear() ? 'dayThisYear' : 'day', then, locales)
}
