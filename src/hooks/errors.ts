import type { AfterErrorHook, Config } from 'payload'

import { answerUnavailableDatabase } from './answerUnavailableDatabase'
import { answerWriteConflicts } from './answerWriteConflicts'
import { attachRequestId } from './attachRequestId'
import { refuseUnreadableMultipart } from './refuseUnreadableMultipart'

/** What an error answers, in this order: refuseUnreadableMultipart must come after attachRequestId. */
export const afterErrorHooks: AfterErrorHook[] = [
  answerUnavailableDatabase,
  answerWriteConflicts,
  attachRequestId,
  refuseUnreadableMultipart,
]

/** Refusals (4xx) are the API working as intended: one info line each, not an error with a stack. */
export const loggingLevels: Config['loggingLevels'] = Object.fromEntries(
  (
    [
      'APIError',
      'AuthenticationError',
      // An upload Payload could not read (a corrupt image): answered 400 naming the file.
      'FileUploadError',
      'Forbidden',
      'Locked',
      'LockedAuth',
      'NotFound',
      'QueryError',
      'UnverifiedEmail',
      'ValidationError',
    ] as const
  ).map((name) => [name, 'info']),
)
