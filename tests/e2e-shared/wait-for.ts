/**
 * Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs` with
 * the last value seen, so a timeout says what state the test was stuck in.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  { timeoutMs = 10_000, intervalMs = 50 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Polls `read` until `accept` takes what it returns; a timeout names the last value read, so a
 * failure shows what the extension showed instead (`label`: what that value is, e.g. "badge").
 */
export async function waitForAccepted<T>(
  what: string,
  label: string,
  read: () => Promise<T | undefined>,
  accept: (value: T) => boolean,
): Promise<T> {
  let last: T | undefined;
  try {
    return await waitFor(what, async () => {
      last = await read();
      return last !== undefined && accept(last) ? last : undefined;
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}; last ${label} ${JSON.stringify(last)}`);
  }
}
