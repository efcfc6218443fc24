import { hasMessageType } from './message-type';

/**
 * The runtime message the options page sends to ask the background for a feed update now ("Update now").
 *   request:  {type: 'update-feeds'}
 *   response: {ok: true, checked: number, swapped: boolean, errors: string[]} | {ok: false, error: string}
 * The background answers after the round finished (downloads, compile, store); the options page then re-reads
 * the feed states from IndexedDB.
 */
export const UPDATE_FEEDS_MESSAGE = 'update-feeds';

export interface UpdateFeedsMessage {
  type: typeof UPDATE_FEEDS_MESSAGE;
}

export type UpdateFeedsResponse =
  | { ok: true; checked: number; swapped: boolean; errors: string[] }
  | { ok: false; error: string };

export function isUpdateFeedsMessage(message: unknown): message is UpdateFeedsMessage {
  return hasMessageType(message, UPDATE_FEEDS_MESSAGE);
}
