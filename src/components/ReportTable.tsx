'use client'

import { Table } from '@payloadcms/ui'
import type { Column } from 'payload'
import React from 'react'

export type ReportColumn = { key: string; heading: string; cells: React.ReactNode[] }

/**
 * Payload's list table for rows that are not documents: it needs a field per column only to
 * build list columns, which these are not, so a plain text field stands in.
 */
export const ReportTable: React.FC<{ columns: ReportColumn[]; testId?: string }> = ({
  columns,
  testId,
}) => (
  <div data-testid={testId} className="import-view__table">
    <Table
      appearance="condensed"
      data={(columns[0]?.cells ?? []).map((_, row) => ({ id: row }))}
      columns={columns.map(({ key, heading, cells }): Column => ({
        accessor: key,
        active: true,
        field: { name: key, type: 'text' } as Column['field'],
        Heading: heading,
        renderedCells: cells,
      }))}
    />
  </div>
)
