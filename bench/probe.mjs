/**
 * Preloaded into every server the benchmark starts (`node --import ./bench/probe.mjs …`): it
 * measures the server from the inside, where the load generator cannot see, and answers over the
 * IPC channel the benchmark opened:
 *   {type:'reset'}  → starts a new measurement window, answers {type:'reset'}
 *   {type:'stats'}  → {type:'stats', peakRssMb, maxEventLoopDelayMs, p99EventLoopDelayMs, cpuMs}
 * `cpuMs` (CPU time used so far, all threads) lets the benchmark tell a server that is still
 * working off a backlog: a slow server keeps running requests whose clients gave up, and counting
 * open requests cannot see that (their sockets are closed).
 * Plain JavaScript, so it loads before tsx and touches nothing of the server.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'

if (process.send) {
  // 5 ms resolution: fine enough for a 20 ms target, cheap enough not to disturb the server.
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()

  let peakRss = process.memoryUsage.rss()
  const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage.rss()))
  setInterval(sample, 100).unref()

  const mb = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10
  const ms = (ns) => Math.round((ns / 1e6) * 10) / 10
  process.on('message', (message) => {
    if (message?.type === 'reset') {
      delay.reset()
      peakRss = process.memoryUsage.rss()
      process.send({ type: 'reset' })
    } else if (message?.type === 'stats') {
      sample()
      const cpu = process.cpuUsage()
      process.send({
        type: 'stats',
        peakRssMb: mb(peakRss),
        maxEventLoopDelayMs: ms(delay.max),
        p99EventLoopDelayMs: ms(delay.percentile(99)),
        cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      })
    }
  })
  // The channel must not keep a server alive that is shutting down.
  process.channel?.unref()
}
