import { describe, expect, it } from 'vitest';

describe('timers a test leaves behind', () => {
  let hasFired = false;

  it('starts a timer and ends without waiting for it', () => {
    setTimeout(() => {
      hasFired = true;
    }, 10);
  });

  it('finds that timer cleared: it never fires, however long the next test waits', async () => {
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(hasFired).toBe(false);
  });
});
