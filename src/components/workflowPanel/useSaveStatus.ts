'use client'

import type { ClientField } from 'payload'
import {
  useAllFormFields,
  useDocumentForm,
  useDocumentInfo,
  useFormBackgroundProcessing,
  useFormModified,
  useFormProcessing,
} from '@payloadcms/ui'
import { useCallback } from 'react'

import { fieldProblems, type SaveStatus, saveStatusOf } from './saveStatus'

const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1)

/** Where the document form's edits stand: saved, waiting for autosave, saving, or not savable. */
export function useSaveStatus(): SaveStatus {
  const [fields] = useAllFormFields()
  const form = useDocumentForm()
  const modified = useFormModified()
  const processing = useFormProcessing()
  const background = useFormBackgroundProcessing()
  const { docConfig } = useDocumentInfo()

  const labelOf = useCallback(
    (path: string) => {
      const name = path.split('.')[0]
      const field = (docConfig?.fields as ClientField[] | undefined)?.find(
        (candidate) => 'name' in candidate && candidate.name === name,
      )
      const label = field && 'label' in field ? field.label : undefined
      return typeof label === 'string' ? label : capitalised(name)
    },
    [docConfig],
  )

  return saveStatusOf({
    modified,
    saving: processing || background,
    problems: fieldProblems(fields, labelOf),
    refused: form.isValid === false,
  })
}
