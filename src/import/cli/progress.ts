/**
 * Progress on stderr: one line rewritten in place on a terminal, a line every 10% otherwise (logs).
 */
export function progressPrinter(stream: NodeJS.WriteStream) {
  const started = performance.now()
  let lastDecile = -1
  let shown = false
  const line = (done: number, total: number) => {
    const seconds = (performance.now() - started) / 1000
    const width = 30
    const filled = Math.round((done / total) * width)
    return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} posts, ${(done / Math.max(seconds, 0.001)).toFixed(0)}/s`
  }
  return {
    update: (done: number, total: number) => {
      if (stream.isTTY) {
        stream.write(`\r${line(done, total)}`)
        shown = true
        return
      }
      const decile = Math.floor((done / total) * 10)
      if (total >= 20 && decile !== lastDecile) {
        lastDecile = decile
        stream.write(`${line(done, total)}\n`)
      }
    },
    done: () => {
      if (shown) stream.write('\n')
    },
  }
}
