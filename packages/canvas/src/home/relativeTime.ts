const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 60 * 60],
  ['day', 24 * 60 * 60],
]

/** "just now", "5 minutes ago", "yesterday", … and the plain date for anything older than a week. */
export function relativeTime(iso: string, now: Date = new Date(), locale?: string): string {
  const then = new Date(iso)
  const seconds = Math.round((now.getTime() - then.getTime()) / 1000)
  if (seconds < 45) return 'just now'
  if (seconds < 7 * 24 * 60 * 60) {
    const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
    let [unit, size] = UNITS[0]!
    for (const candidate of UNITS) if (seconds >= candidate[1]) [unit, size] = candidate
    return format.format(-Math.max(1, Math.round(seconds / size)), unit)
  }
  return then.toLocaleDateString(locale, {
    day: 'numeric',
    month: 'short',
    year: then.getFullYear() === now.getFullYear() ? undefined : 'numeric',
  })
}

/** The full date and time, for a tooltip. */
export function fullDateTime(iso: string, locale?: string): string {
  return new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })
}
