'use client'

import { Button, toast, useDocumentInfo } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import type { HistoryEntry } from '../services/workflow/history'
import { ReviewStateBadge } from './ReviewStateBadge'

type Workflow = {
  id: number | string
  reviewState: string
  allowedActions: string[]
  history: HistoryEntry[]
}

const LABELS: Record<string, string> = {
  submit: 'Submit for review',
  withdraw: 'Withdraw',
  request_changes: 'Request changes',
  approve: 'Approve',
  publish: 'Publish',
  schedule: 'Schedule',
  unschedule: 'Unschedule',
  unpublish: 'Unpublish',
}

const errorOf = async (res: Response) => {
  const body = (await res.json().catch(() => null)) as { errors?: { message: string }[] } | null
  return body?.errors?.[0]?.message ?? `The server answered ${res.status}.`
}

/**
 * The review workflow in the article's sidebar: the state, the actions the signed-in user may take
 * now (as the server says, from GET /api/articles/:id/workflow), and the history. The server decides;
 * its refusals are shown as it words them.
 */
export const WorkflowPanel: React.FC = () => {
  const { id } = useDocumentInfo()
  const [workflow, setWorkflow] = useState<Workflow | null>(null)
  const [note, setNote] = useState('')
  const [publishAt, setPublishAt] = useState('')
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    if (!id) return
    const res = await fetch(`/api/articles/${id}/workflow`, { credentials: 'include' })
    if (res.ok) setWorkflow((await res.json()) as Workflow)
  }, [id])

  useEffect(() => {
    void load()
  }, [load])

  if (!id) return <p className="workflow-panel__hint">Save the article to start its review.</p>
  if (!workflow) return null

  const act = async (action: string) => {
    setBusy(true)
    try {
      const body: Record<string, string> = { action }
      if (action === 'request_changes') body.note = note
      if (action === 'schedule') body.publishAt = publishAt ? new Date(publishAt).toISOString() : ''
      const res = await fetch(`/api/articles/${id}/workflow`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      if (!res.ok) return void toast.error(await errorOf(res))
      toast.success(`${LABELS[action]}: done.`)
      // The form below shows the saved document; reload it so state and fields agree.
      window.location.reload()
    } finally {
      setBusy(false)
    }
  }

  const needsNote = workflow.allowedActions.includes('request_changes')
  const canSchedule = workflow.allowedActions.includes('schedule')
  return (
    <div className="workflow-panel" data-testid="workflow-panel">
      <h4 style={{ margin: '0 0 8px' }}>
        Review: <ReviewStateBadge state={workflow.reviewState} />
      </h4>
      {needsNote && (
        <textarea
          aria-label="Note for the authors"
          placeholder="What should change? (needed to request changes)"
          value={note}
          onChange={(event) => setNote(event.target.value)}
          rows={3}
          style={{ width: '100%', marginBottom: 8 }}
        />
      )}
      {canSchedule && (
        <label style={{ display: 'block', marginBottom: 8 }}>
          Publish at{' '}
          <input
            type="datetime-local"
            aria-label="Publish at"
            value={publishAt}
            onChange={(event) => setPublishAt(event.target.value)}
          />
        </label>
      )}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {workflow.allowedActions.map((action) => (
          <Button
            key={action}
            buttonStyle={action === 'publish' || action === 'approve' ? 'primary' : 'secondary'}
            disabled={busy}
            onClick={() => void act(action)}
            size="small"
          >
            {LABELS[action] ?? action}
          </Button>
        ))}
        {workflow.allowedActions.length === 0 && (
          <span>No review action is yours to take now.</span>
        )}
      </div>
      <h5 style={{ margin: '16px 0 4px' }}>History</h5>
      <ol className="workflow-panel__history" style={{ paddingLeft: 18, margin: 0 }}>
        {workflow.history.map((entry, index) => (
          <li key={index} style={{ marginBottom: 6 }}>
            <strong>{entry.action.replaceAll('_', ' ')}</strong> ({entry.from} → {entry.to}) by{' '}
            {entry.actor?.name ?? 'the scheduler'}, {new Date(entry.at).toLocaleString()}
            {entry.note && (
              <div style={{ whiteSpace: 'pre-wrap', opacity: 0.85 }}>“{entry.note}”</div>
            )}
          </li>
        ))}
        {workflow.history.length === 0 && <li>Not yet submitted.</li>}
      </ol>
    </div>
  )
}
