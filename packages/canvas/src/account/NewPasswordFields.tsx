import { PASSWORD_MIN_LENGTH } from '@storyloom/shared/api/accounts'

/**
 * The new password and the same again, for password managers (`autocomplete="new-password"`):
 * changing one's password, or setting it with a reset link. {@link checkSamePasswords} refuses
 * two that differ before anything is sent.
 */
export function NewPasswordFields({ next, repeated, onNext, onRepeated }: { next: string; repeated: string; onNext(value: string): void; onRepeated(value: string): void }) {
  return (
    <>
      <label className="auth-page__field">
        New password
        <input className="input" type="password" value={next} onChange={(e) => onNext(e.target.value)} autoComplete="new-password" minLength={PASSWORD_MIN_LENGTH} required />
        <span className="auth-page__hint">At least {PASSWORD_MIN_LENGTH} characters.</span>
      </label>
      <label className="auth-page__field">
        Confirm new password
        <input className="input" type="password" value={repeated} onChange={(e) => onRepeated(e.target.value)} autoComplete="new-password" minLength={PASSWORD_MIN_LENGTH} required />
      </label>
    </>
  )
}

/** The two new passwords differ: refused in the form, nothing is sent. */
export class MismatchError extends Error {
  override readonly name = 'MismatchError'
  override readonly message = 'The new passwords do not match.'
}

/** Throws {@link MismatchError} when the two new passwords differ. */
export function checkSamePasswords(next: string, repeated: string): void {
  if (next !== repeated) throw new MismatchError()
}
