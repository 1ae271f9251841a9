/** What POST /api/import answers, as the import page shows it: the endpoint's own types. */
export type { ImportAnswer as ImportResult } from '../endpoints/importUpload'
export type { PostResult as ImportedPost } from '../import/report'
