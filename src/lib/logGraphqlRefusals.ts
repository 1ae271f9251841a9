import type { Config } from 'payload'

type LoggerOptions = Extract<NonNullable<Config['logger']>, { options: unknown }>['options']
type LogMethod = NonNullable<NonNullable<LoggerOptions['hooks']>['logMethod']>

const ERROR = 50

/** The 4xx status of the error a GraphQLError wraps (a refusal), if that is what it is. */
function refusalStatus(error: unknown): number | undefined {
  if (!error || typeof error !== 'object' || (error as { name?: unknown }).name !== 'GraphQLError')
    return undefined
  const status = (error as { originalError?: { status?: unknown } }).originalError?.status
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined
}

/**
 * pino `hooks.logMethod`: a refusal over GraphQL is logged as REST logs it, one info line without a
 * stack. Payload's GraphQL handler hands its logger the GraphQLError that wraps what a resolver
 * threw and looks that wrapper's name up in `loggingLevels`, where "GraphQLError" is never found, so
 * every Forbidden or workflow 409 over GraphQL was an error line with a full stack. (Payload 3.90;
 * still so in its main branch.) Anything else, 500s included, is logged as it was.
 */
export const logGraphqlRefusalsAsInfo: LogMethod = function (args, method, level) {
  const [first] = args
  const error = first && typeof first === 'object' ? (first as { err?: unknown }).err : undefined
  if (level >= ERROR && refusalStatus(error) !== undefined)
    return this.info({ msg: (error as Error).message })
  return method.apply(this, args)
}
