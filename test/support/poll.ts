// Bounded waiting for what another process does (a function instance mid-run, a job that needs
// several runs): every wait in a test has a limit and names what it waited for, so a hang fails
// with a reason instead of at jest's timeout.

/** Checks `condition` every `everyMs` until it holds; fails after `timeoutMs` naming `what`. */
export async function pollUntil(condition: () => boolean | Promise<boolean>, what: string, { timeoutMs = 30_000, everyMs = 10 } = {}) {
  const giveUpAt = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > giveUpAt) throw new Error(`Gave up after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, everyMs))
  }
}

/** Runs `step` until `done` holds, at most `maxRuns` times; fails naming `what` when it never does. */
export async function repeatUntil(step: () => Promise<unknown>, done: () => Promise<boolean>, what: string, maxRuns: number) {
  for (let runs = 0; !(await done()); runs++) {
    if (runs >= maxRuns) throw new Error(`${what}: not done after ${maxRuns} runs`)
    await step()
  }
}
