/** The part of autocannon's programmatic API the benchmark uses (the package ships no types). */
declare module 'autocannon' {
  export type Request = {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string | Buffer
    setupRequest?: (
      request: Request,
      context: Record<string, unknown>,
    ) => Request | null | undefined
    onResponse?: (
      status: number,
      body: string,
      context: Record<string, unknown>,
      headers: Record<string, string>,
    ) => void
  }
  export type Client = { setRequests(requests: Request[]): void }
  export type Options = Request & {
    url: string
    connections?: number
    duration?: number
    /** Seconds before a request counts as timed out (10 by default). */
    timeout?: number
    requests?: Request[]
    setupClient?: (client: Client) => void
  }
  export type Histogram = {
    average: number
    mean: number
    p50: number
    p97_5: number
    p99: number
    max: number
    total: number
  }
  export type Result = {
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    statusCodeStats: Record<string, { count: number }>
    latency: Histogram & { totalCount: number }
    requests: Histogram & { sent: number }
    throughput: Histogram
  }
  export type Instance = PromiseLike<Result> & { stop(): void }
  export default function autocannon(options: Options): Instance
}
