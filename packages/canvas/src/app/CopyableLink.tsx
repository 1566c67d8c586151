import { useState, type ReactNode } from 'react'

/**
 * A secret link shown once to be sent on (an invite, a password reset): a read-only field that
 * selects itself when focused, a Copy button, and `children` (what the link does, until when).
 */
export function CopyableLink({ url, label, className, children }: { url: string; label: string; className: string; children?: ReactNode }) {
  // The link last copied: a new link is not "Copied" yet.
  const [copied, setCopied] = useState<string>()
  const copy = () => void navigator.clipboard?.writeText(url).then(() => setCopied(url), () => setCopied(undefined))
  return (
    <div className={className}>
      <input className="input" readOnly value={url} aria-label={label} onFocus={(e) => e.target.select()} />
      <button type="button" className="button" onClick={copy}>
        {copied === url ? 'Copied' : 'Copy'}
      </button>
      {children}
    </div>
  )
}
