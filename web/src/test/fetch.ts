import { vi } from 'vitest';

/**
 * Answers every fetch with a fresh response (a body can be read once); setup.ts unstubs it after
 * each test. Returns the mock, for tests that check what was asked.
 */
export function stubFetch(respond: () => Response) {
  const fetchMock = vi.fn(() => Promise.resolve(respond()));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
