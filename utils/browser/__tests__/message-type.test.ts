import { describe, expect, it } from 'vitest';
import { isUpdateFeedsMessage, UPDATE_FEEDS_MESSAGE } from '../feed-messages';
import { hasMessageType } from '../message-type';

describe('hasMessageType', () => {
  it.each([
    { name: 'the same type', message: { type: 'ping' }, expected: true },
    { name: 'extra fields', message: { type: 'ping', id: 3 }, expected: true },
    { name: 'another type', message: { type: 'pong' }, expected: false },
    { name: 'no type', message: {}, expected: false },
    { name: 'the bare string', message: 'ping', expected: false },
    { name: 'null', message: null, expected: false },
    { name: 'undefined', message: undefined, expected: false },
  ])('$name: $expected', ({ message, expected }) => {
    expect(hasMessageType(message, 'ping')).toBe(expected);
  });

  it('is what the feed-update guard checks', () => {
    expect(isUpdateFeedsMessage({ type: UPDATE_FEEDS_MESSAGE })).toBe(true);
    expect(isUpdateFeedsMessage({ type: 'settings-changed' })).toBe(false);
  });
});
