import { DefaultTemplate } from '@payloadcms/next/templates'
import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { isAdmin } from '../access/roles'
import { ImportViewForm } from './ImportViewForm'

/**
 * /admin/import: the blog import (`npm run import`) for admins, in the admin UI with its navigation.
 * The form posts to POST /api/import, which checks the role again.
 */
export function ImportView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, visibleEntities, permissions, locale } = initPageResult
  const user = req.user
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <div
        className="gutter--left gutter--right"
        style={{ paddingTop: 24, paddingBottom: 48 }}
        data-testid="import-view"
      >
        <h1 style={{ marginBottom: 8 }}>Import a blog</h1>
        {isAdmin(user) ? (
          <ImportViewForm />
        ) : (
          <p data-testid="import-forbidden">Only an admin can import a blog.</p>
        )}
      </div>
    </DefaultTemplate>
  )
}
