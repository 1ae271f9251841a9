import { APIError } from 'payload'

/** A 4xx whose message reaches the client as written (REST `errors[0].message`, GraphQL `message`). */
export const refuse = (status: 400 | 401 | 403 | 404 | 409 | 429, message: string) =>
  new APIError(message, status, null, true)
