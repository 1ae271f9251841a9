import type { RequestContext } from 'payload'

/**
 * Marks the saves the workflow itself makes. The mark is an object only this module holds, so a
 * caller cannot forge it by passing `context` to the Local API.
 */
const MARK = Object.freeze({ by: 'workflow' })
const KEY = 'workflowTransition'

export const transitionContext = (): RequestContext => ({ [KEY]: MARK })
export const isTransition = (context: RequestContext | undefined): boolean =>
  context?.[KEY] === MARK

/** Set while Payload restores an old version: its workflow fields are not restored with it. */
export const RESTORING = 'workflowRestoring'

/** Set while Payload duplicates an article: the copy starts its own review. */
export const DUPLICATING = 'workflowDuplicating'
