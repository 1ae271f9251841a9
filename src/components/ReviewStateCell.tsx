'use client'

import type { DefaultCellComponentProps } from 'payload'
import React from 'react'

import { ReviewStateBadge } from './ReviewStateBadge'

/** The articles list shows the review state as a badge. */
export const ReviewStateCell: React.FC<DefaultCellComponentProps> = ({ cellData }) => (
  <ReviewStateBadge state={cellData as string} />
)
