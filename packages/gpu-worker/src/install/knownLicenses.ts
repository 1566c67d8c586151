/**
 * Licenses of well-known Stable-Diffusion exports, for folders that arrive without a
 * model.json: the installer writes one, so the UI can say which license a result carries.
 * Matched on the source's or folder's name. Only the restrictive (non-commercial) families are
 * recognised: a fine-tune named like its base may carry another license, and wrongly calling
 * a model permissive is worse than "unknown".
 */
const known: readonly { pattern: RegExp; license: string; nonCommercial: boolean }[] = [
  // SD-Turbo and SDXL-Turbo: research / non-commercial community license.
  { pattern: /sdxl[-_ ]?turbo/iu, license: 'Stability AI Non-Commercial Research Community License (SDXL-Turbo)', nonCommercial: true },
  { pattern: /sd[-_ ]?turbo/iu, license: 'Stability AI Non-Commercial Research Community License (SD-Turbo)', nonCommercial: true },
]

/** The license of a well-known model named `name`, or null. */
export function knownLicense(name: string): { license: string; nonCommercial: boolean } | null {
  const match = known.find((k) => k.pattern.test(name))
  return match ? { license: match.license, nonCommercial: match.nonCommercial } : null
}

/** What the models command prints about non-commercial weights wherever it offers or installs them. */
export const NON_COMMERCIAL_NOTICE =
  'These weights carry a non-commercial license (e.g. SD-Turbo / SDXL-Turbo: Stability AI Non-Commercial Research Community License): do not use their images commercially without a license from the rights holder.'
