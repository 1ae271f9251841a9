'use client'

import { Banner, Button, toast, useDocumentInfo, useFormModified } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useEffect, useRef, useState } from 'react'

import { formatAdminDate, viewerTimeZone } from '../lib/dates'
import type { Action } from '../workflow/states'
import { eventLabel } from '../workflow/labels'
import { apiErrorOf } from './apiError'
import { ReviewStateBadge } from './ReviewStateBadge'
import { ActionNote } from './workflowPanel/ActionNote'
import { SaveStatusNotice } from './workflowPanel/SaveStatusNotice'
import { ScheduleField } from './workflowPanel/ScheduleField'
import { schedulePickProblem } from './workflowPanel/schedulePick'
import { UnavailableActions } from './workflowPanel/UnavailableActions'
import { useSaveDraft } from './workflowPanel/useSaveDraft'
import { useSaveStatus } from './workflowPanel/useSaveStatus'
import { WorkflowHistory } from './workflowPanel/WorkflowHistory'
import { reloadWorkflow, useWorkflow } from './workflowPanel/workflowStore'

/**
 * The review workflow in the article's sidebar: the state, the actions the signed-in user may take
 * now and why the others are not theirs (as the server says, from GET /api/articles/:id/workflow),
 * and the history. An action never runs over edits the server has not stored: the panel saves
 * them first, and holds the actions while they cannot be saved.
 */
export const WorkflowPanel: React.FC = () => {
  const { id } = useDocumentInfo()
  if (!id) return <p className="workflow-panel__hint">Save the article to start its review.</p>
  return <ArticleWorkflow id={id} />
}

const ArticleWorkflow: React.FC<{ id: number | string }> = ({ id }) => {
  const { lastUpdateTime } = useDocumentInfo()
  const workflow = useWorkflow(id)
  const saveStatus = useSaveStatus()
  const saveDraft = useSaveDraft()
  const modified = useFormModified()
  const router = useRouter()
  const [note, setNote] = useState('')
  const [publishAt, setPublishAt] = useState<Date | null>(null)
  const [scheduleProblem, setScheduleProblem] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // Read after an action's round trip: the user may have typed meanwhile.
  const modifiedNow = useRef(modified)
  modifiedNow.current = modified

  // Every save can move the workflow (an edit after approval sends it back to review).
  useEffect(() => {
    void reloadWorkflow(id)
  }, [id, lastUpdateTime])

  if (!workflow) return null

  const act = async (action: Action) => {
    setError(null)
    if (action === 'schedule') {
      const problem = schedulePickProblem(publishAt, new Date())
      setScheduleProblem(problem)
      if (problem) return
    }
    if (action === 'request_changes' && !note.trim())
      return setError('Write a note saying what should change.')
    setBusy(true)
    try {
      if (modified && !(await saveDraft()))
        return setError(`Not saved, so "${eventLabel(action)}" was not done.`)
      const body: Record<string, string> = { action }
      if (action === 'request_changes') body.note = note
      if (action === 'schedule' && publishAt) body.publishAt = publishAt.toISOString()
      const res = await fetch(`/api/articles/${id}/workflow`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      if (!res.ok) {
        const message = await apiErrorOf(res)
        setError(message)
        toast.error(message)
      } else {
        toast.success(`${eventLabel(action)}: done.`)
        setNote('')
        setPublishAt(null)
      }
      await reloadWorkflow(id)
      // The form's workflow fields show the stored document: refresh them in place, never over
      // edits typed during the round trip (autosave stores those).
      if (res.ok && !modifiedNow.current) router.refresh()
    } finally {
      setBusy(false)
    }
  }

  const { allowedActions, unavailable } = workflow
  const held = saveStatus.kind === 'failed' || saveStatus.kind === 'saving'
  const mayApprove = allowedActions.includes('approve')
  return (
    <div className="workflow-panel" data-testid="workflow-panel">
      <h4 className="workflow-panel__state">
        Review: <ReviewStateBadge state={workflow.reviewState} live={workflow.live} />
      </h4>
      <SaveStatusNotice status={saveStatus} />
      {workflow.reviewState === 'scheduled' && workflow.publishAt && (
        <p className="workflow-panel__scheduled" data-testid="workflow-scheduled-for">
          Scheduled for {formatAdminDate(workflow.publishAt)} ({viewerTimeZone()})
        </p>
      )}
      {workflow.scheduleError && <Banner type="error">{workflow.scheduleError}</Banner>}
      {mayApprove && (
        <div data-testid="workflow-edit-warning">
          <Banner type="warning">
            {modified
              ? 'You have changed this article: once the change is saved, another publisher must approve it (four-eyes rule).'
              : 'Editing this article gives up your right to approve it: a publisher who changes an article in review may not approve it (four-eyes rule).'}
          </Banner>
        </div>
      )}
      {allowedActions.includes('request_changes') && <ActionNote value={note} onChange={setNote} />}
      {allowedActions.includes('schedule') && (
        <ScheduleField
          value={publishAt}
          onChange={(date) => {
            setPublishAt(date)
            setScheduleProblem(date ? schedulePickProblem(date, new Date()) : null)
          }}
          problem={scheduleProblem}
        />
      )}
      <div className="workflow-panel__actions" data-testid="workflow-actions">
        {allowedActions.map((action) => (
          <Button
            key={action}
            buttonStyle={action === 'publish' || action === 'approve' ? 'primary' : 'secondary'}
            disabled={busy || held}
            onClick={() => void act(action)}
            size="small"
            margin={false}
          >
            {eventLabel(action)}
          </Button>
        ))}
        {allowedActions.length === 0 && unavailable.length === 0 && (
          <span>No review action is yours to take now.</span>
        )}
      </div>
      {error && (
        <p className="workflow-panel__problem" role="alert" data-testid="workflow-error">
          {error}
        </p>
      )}
      <UnavailableActions items={unavailable} />
      <WorkflowHistory history={workflow.history} />
    </div>
  )
}
