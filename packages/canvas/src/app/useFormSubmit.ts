import { useState, type FormEvent } from 'react'

/**
 * A form's submit handler with its busy flag and error message: `action` runs once per submit;
 * if it throws, `describe` turns the error into the message shown and the form is usable again.
 * On success the form stays busy (it is usually replaced by the next page), unless `reusable`
 * (a form that stays on screen, e.g. changing one's password).
 */
export function useFormSubmit(action: () => Promise<void>, describe: (error: unknown) => string, { reusable = false } = {}) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      await action()
      if (reusable) setBusy(false)
    } catch (e) {
      setError(describe(e))
      setBusy(false)
    }
  }
  return { busy, error, setError, submit }
}
