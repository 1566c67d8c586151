import { AccountMenu } from '../account/AccountMenu'
import { Brand } from './Brand'

/** The top bar of the pages outside a board (home, account): the brand and the account menu. */
export function PageHeader() {
  return (
    <header className="home__header">
      <Brand />
      <AccountMenu />
    </header>
  )
}
