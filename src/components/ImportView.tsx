import { DefaultTemplate } from '@payloadcms/next/templates'
import { Banner, Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { isAdmin } from '../access/roles'
import { ImportViewForm } from './ImportViewForm'
import './importView.css'

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
      <Gutter className="import-view__page">
        <div data-testid="import-view">
          <h1>Import a blog</h1>
          {isAdmin(user) ? (
            <ImportViewForm />
          ) : (
            <Banner type="error">
              <span data-testid="import-forbidden">Only an admin can import a blog.</span>
            </Banner>
          )}
        </div>
      </Gutter>
    </DefaultTemplate>
  )
}
