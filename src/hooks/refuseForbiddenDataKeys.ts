import type { CollectionBeforeOperationHook } from 'payload'

import { findForbiddenKey } from '../lib/forbiddenKeys'
import { refuse } from '../lib/refuse'

/**
 * JSON bodies are checked before Payload sees them (src/server/jsonBody.ts). Data that arrives
 * another way — a multipart `_payload` field, an object literal in a GraphQL mutation — is checked
 * here: it must be an object (Payload answers a bare string with a 500) without a `__proto__`,
 * `constructor` or `prototype` key at any depth.
 */
export const refuseForbiddenDataKeys: CollectionBeforeOperationHook = ({ args }) => {
  if (!('data' in args) || args.data === undefined) return args
  const { data } = args as { data: unknown }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw refuse(400, 'The data must be a JSON object.')
  const forbidden = findForbiddenKey(data)
  if (forbidden)
    throw refuse(
      400,
      `The data contains the forbidden key "${forbidden.key}" at ${forbidden.path}.`,
    )
  return args
}
