/** The import cannot start (a missing folder, an unknown --author, no admin for --publish-as-is). */
export class ImportSetupError extends Error {
  override name = 'ImportSetupError'
}
