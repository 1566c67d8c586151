/**
 * A server error message as the UI shows it. The API writes messages for any caller, in
 * lower case and with the field path of each problem (`name: name must not be empty`); a
 * person reads a sentence. Only what repeats is dropped: a field path is kept unless its
 * message already starts with that field's name.
 */
export function presentableMessage(message: string): string {
  let startsWithPath = false
  const text = message
    .trim()
    .split('; ')
    .map((part, i) => {
      const match = /^([\w.[\]-]+): (.+)$/su.exec(part)
      if (!match) return part
      const [, path, rest] = match as unknown as [string, string, string]
      const field = path.split('.').pop()!.toLowerCase()
      if (rest.toLowerCase().startsWith(`${field} `)) return rest
      if (i === 0) startsWithPath = true
      return part
    })
    .join('; ')
  if (text === '') return text
  // A field path keeps its own spelling (`shots.0.duration: …`).
  const sentence = startsWithPath ? text : text.charAt(0).toUpperCase() + text.slice(1)
  return /[.!?]$/u.test(sentence) ? sentence : `${sentence}.`
}
