'use client'

import { useField } from '@payloadcms/ui'
import type { TextFieldClientComponent } from 'payload'
import React from 'react'

/**
 * The account page's "current password" box: changing your own email or password needs it (the
 * server checks it; see src/hooks/users/requireCurrentPassword.ts). Never stored or read back.
 */
export const CurrentPasswordField: TextFieldClientComponent = ({ path }) => {
  const { value, setValue } = useField<string>({ path })
  return (
    <div className="field-type text" style={{ marginBottom: 24 }}>
      <label className="field-label" htmlFor="field-currentPassword">
        Current password
      </label>
      <input
        id="field-currentPassword"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        value={value ?? ''}
        onChange={(event) => setValue(event.target.value)}
      />
      <div className="field-description">Needed to change your own email or password.</div>
    </div>
  )
}
