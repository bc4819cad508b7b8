import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// findBy* and waitFor return as soon as the UI shows what they wait for; the limit only matters
// on a busy machine, where the 1 s default made pages that render lazily fail at random.
configure({ asyncUtilTimeout: 10_000 });

// Mantine reads these browser APIs, which happy-dom does not provide. The test browser prefers
// reduced motion: with the test theme's `respectReducedMotion`, Mantine's transitions (modals,
// menus, popovers, collapses) then take no time and start no timers.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: vi.fn().mockImplementation((query: string) => ({
    matches: query.includes('prefers-reduced-motion: reduce'),
    media: query,
    onchange: null,
    addListener: vi.fn(),
    removeListener: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    dispatchEvent: vi.fn(),
  })),
});

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverStub;

window.HTMLElement.prototype.scrollIntoView = function scrollIntoView() {};

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});
