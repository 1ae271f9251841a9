/** Collection slugs in one place, so relations and hooks cannot drift apart. */
export const ARTICLES = 'articles'
export const AUTHORS = 'authors'
export const SOURCES = 'sources'
export const COMMENTS = 'comments'
export const MEDIA = 'media'
export const USERS = 'users'
export const WORKFLOW_EVENTS = 'workflow-events'
