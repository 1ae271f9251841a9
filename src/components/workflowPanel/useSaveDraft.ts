'use client'

import { useConfig, useDocumentForm, useDocumentInfo } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useCallback } from 'react'

/**
 * Saves the form as a draft the way Payload's Save Draft button and autosave do (through the
 * form, so its state, errors and "modified" flag follow); true when the server stored it.
 */
export function useSaveDraft(): () => Promise<boolean> {
  const { submit } = useDocumentForm()
  const { id, collectionSlug } = useDocumentInfo()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()

  return useCallback(async () => {
    const result = await submit({
      action: formatAdminURL({
        apiRoute: api,
        path: `/${collectionSlug}/${id}?depth=0&draft=true&fallback-locale=null`,
      }),
      method: 'PATCH',
      overrides: { _status: 'draft' },
      disableSuccessStatus: true,
      // Drafts are validated here (versions.drafts.validate), as autosave does.
      skipValidation: false,
    })
    return Boolean(result?.res?.ok)
  }, [submit, api, collectionSlug, id])
}
