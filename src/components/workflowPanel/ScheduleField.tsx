'use client'

import { DatePicker, FieldLabel } from '@payloadcms/ui'
import React from 'react'

import { ADMIN_DATE_FORMAT, viewerTimeZone } from '../../lib/dates'

/** When to publish: Payload's date picker, in the editor's own time zone, which it names. */
export const ScheduleField: React.FC<{
  value: Date | null
  onChange: (value: Date | null) => void
  problem: string | null
}> = ({ value, onChange, problem }) => (
  <div className="workflow-panel__schedule" data-testid="workflow-schedule">
    <FieldLabel htmlFor="field-workflowPublishAt" label="Publish at" />
    <DatePicker
      id="workflow-publish-at"
      overrides={{ id: 'field-workflowPublishAt' }}
      pickerAppearance="dayAndTime"
      displayFormat={ADMIN_DATE_FORMAT}
      timeFormat="HH:mm"
      timeIntervals={15}
      placeholder="Pick a date and time"
      value={value ?? undefined}
      onChange={(date) => onChange(date ?? null)}
    />
    <p className="workflow-panel__hint" data-testid="workflow-time-zone">
      Time zone: {viewerTimeZone()}
    </p>
    {problem && (
      <p className="workflow-panel__problem" role="alert" data-testid="workflow-schedule-problem">
        {problem}
      </p>
    )}
  </div>
)
