import type { LoadEvent } from '../../types';

/**
 * A LoadEvent for tests: by default an `ok` main-frame load of www.shop.example (site shop.example) in
 * tab 1 at `time`; `overrides` replace any field.
 */
export function createLoadEvent(time: number, overrides: Partial<LoadEvent> = {}): LoadEvent {
  return {
    time,
    tabId: 1,
    host: 'www.shop.example',
    site: 'shop.example',
    type: 'main_frame',
    outcome: 'ok',
    ...overrides,
  };
}
