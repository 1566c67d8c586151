import { expect, type Locator, type Page } from '@playwright/test'

/** A reference role, as the tags show it (the vocabulary's label). */
export type RoleLabel = 'Style' | 'Character' | 'Location' | 'Prop' | 'Composition'

/** Where one reference's role shows on the canvas (or the only such place, without `referenceId`). */
function tagPlace(page: Page, referenceId?: string): Locator {
  return referenceId ? page.locator(`[data-testid="reference-tag"][data-reference-id="${referenceId}"]`) : page.getByTestId('reference-tag')
}

/** A reference's role tag on the canvas: a button labelled with the role, which opens the role menu. */
export function roleTag(page: Page, referenceId?: string): Locator {
  return tagPlace(page, referenceId).getByRole('button', { name: /^Reference role/ })
}

/** The role menu that takes the tag's place while it is open. */
export function roleMenu(page: Page, referenceId?: string): Locator {
  return tagPlace(page, referenceId).getByRole('combobox', { name: 'Reference role' })
}

/**
 * Sets a reference's role from its tag on the canvas, as a user does: a click opens the menu,
 * a choice closes it, and the tag shows the new role.
 */
export async function pickRoleOnCanvas(page: Page, role: RoleLabel, referenceId?: string): Promise<void> {
  await roleTag(page, referenceId).click()
  const menu = roleMenu(page, referenceId)
  await expect(menu).toBeFocused()
  await menu.selectOption({ label: role })
  await expect(roleTag(page, referenceId)).toHaveText(role)
}
