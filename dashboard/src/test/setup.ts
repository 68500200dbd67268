import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Tests render charts at a fixed size; charts read this flag to switch animation off everywhere.
(globalThis as { __JEJARING_STATIC__?: boolean }).__JEJARING_STATIC__ = true;

afterEach(() => {
  cleanup();
  localStorage.clear();
  window.history.replaceState(null, '', '/');
});
