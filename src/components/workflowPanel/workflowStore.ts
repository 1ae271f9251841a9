'use client'

import { useSyncExternalStore } from 'react'

import type { Workflow } from './types'

/**
 * The workflow of the article on screen, shared by the panel (which loads it) and the document
 * header (which shows its state), so both say the same thing.
 */
const workflows = new Map<string, Workflow>()
const listeners = new Set<() => void>()

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

/** Loads the workflow from the server; false if it could not. */
export async function reloadWorkflow(id: number | string): Promise<boolean> {
  const res = await fetch(`/api/articles/${id}/workflow`, { credentials: 'include' }).catch(
    () => null,
  )
  if (!res?.ok) return false
  workflows.set(String(id), (await res.json()) as Workflow)
  listeners.forEach((listener) => listener())
  return true
}

export const useWorkflow = (id: number | string | undefined): Workflow | null =>
  useSyncExternalStore(
    subscribe,
    () => (id === undefined ? null : (workflows.get(String(id)) ?? null)),
    () => null,
  )
