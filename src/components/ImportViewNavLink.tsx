import type { ServerProps } from 'payload'
import React from 'react'

import { isAdmin } from '../access/roles'

/** "Import a blog" in the navigation, for admins only (the endpoint refuses everyone else anyway). */
export function ImportViewNavLink({ user }: ServerProps) {
  if (!isAdmin(user)) return null
  return (
    <a
      className="nav__link"
      href="/admin/import"
      data-testid="import-nav-link"
      style={{ display: 'block', marginTop: 16 }}
    >
      <span className="nav__link-label">Import a blog</span>
    </a>
  )
}
