'use client'

import React, { useEffect, useState } from 'react'

import { formatAdminDate, viewerTimeZone } from '../lib/dates'

/**
 * A time in the admin's one format, in the viewer's time zone (named beside it). The server
 * renders it in UTC; the browser, which knows the viewer's zone, replaces it once mounted.
 */
export const LocalTime: React.FC<{ value: string }> = ({ value }) => {
  const [zone, setZone] = useState('UTC')
  useEffect(() => setZone(viewerTimeZone()), [])
  return (
    <time dateTime={value} data-local-time>
      {formatAdminDate(value, zone)} ({zone})
    </time>
  )
}
