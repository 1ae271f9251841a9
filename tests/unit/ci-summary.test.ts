import { describe, expect, it } from 'vitest'

import { countCheck, countFaults, countVitest, summaryLines } from '../../scripts/ci-summary'

const report = (files: { status: string; tests: string[] }[]) =>
  JSON.stringify({
    numPassedTests: files.flatMap((f) => f.tests).filter((t) => t === 'passed').length,
    numFailedTests: files.flatMap((f) => f.tests).filter((t) => t === 'failed').length,
    numPendingTests: files.flatMap((f) => f.tests).filter((t) => t === 'skipped').length,
    numTodoTests: 0,
    testResults: files.map((f) => ({
      status: f.status,
      assertionResults: f.tests.map((status) => ({ status })),
    })),
  })

describe('what the CI summary counts', () => {
  it('counts vitest test cases, not skipped ones, and a file that fails outside its tests as one failure', () => {
    const text = report([
      { status: 'passed', tests: ['passed', 'passed', 'skipped'] },
      { status: 'failed', tests: ['passed', 'failed'] },
      { status: 'failed', tests: [] },
    ])
    expect(countVitest(text, 1)).toEqual({ passed: 3, failed: 2, skipped: 1 })
  })

  it.each([
    [
      'a vitest run that exits non-zero with every test passed',
      countVitest(report([{ status: 'passed', tests: ['passed'] }]), 1),
    ],
    ['a vitest run that wrote no report', countVitest(undefined, 1)],
    ['a failed check', countCheck(2)],
    [
      'a faults run that crashed before its summary',
      countFaults('faults: seeded the demo newsroom\n', 1),
    ],
    [
      'a faults run that exits non-zero with no violation counted',
      countFaults('80 checks passed, 0 violations, 3 s', 1),
    ],
  ])('never reports 0 failed for %s', (_, count) => {
    expect(count.failed).toBeGreaterThan(0)
  })

  it('counts a check as one, and the checks and violations of test:faults as it reports them', () => {
    expect(countCheck(0)).toEqual({ passed: 1, failed: 0, skipped: 0 })
    expect(
      countFaults('faults: 3 rounds, … 412 checks passed, 2 violations, 30.1 s', 1),
    ).toMatchObject({ passed: 412, failed: 2 })
  })
})

describe('summaryLines', () => {
  it('gives a line per suite, then one line summing them all', () => {
    const { lines, failed } = summaryLines(
      'check\tnpm test: npm run typecheck\t0\t-\ncheck\tnpm test: npm run check:generated\t1\t-\n',
    )
    expect(lines).toEqual([
      'ci: npm test: npm run typecheck: 1 passed, 0 failed',
      'ci: npm test: npm run check:generated: 0 passed, 1 failed (exit code 1)',
      'ci: 1 passed, 1 failed',
    ])
    expect(failed).toBe(1)
  })

  it('fails when no suite ran at all', () => {
    expect(summaryLines('')).toEqual({ lines: ['ci: 0 passed, 1 failed'], failed: 1 })
  })
})
