import { hasMessageType } from './message-type';

/**
 * Runtime messages the options page sends to the background; each answers `{ok: true}` once handled.
 *   {type: 'settings-changed'}  a setting the background reads at start-up (user mappings) was stored:
 *                               it rebuilds what depends on it without a restart.
 *   {type: 'data-deleted'}      the user deleted their data: the engine forgets what it learned in memory
 *                               too, so the next save does not write it back.
 */
export const SETTINGS_CHANGED_MESSAGE = 'settings-changed';

export interface SettingsChangedMessage {
  type: typeof SETTINGS_CHANGED_MESSAGE;
}

export function isSettingsChangedMessage(message: unknown): message is SettingsChangedMessage {
  return hasMessageType(message, SETTINGS_CHANGED_MESSAGE);
}

export const DATA_DELETED_MESSAGE = 'data-deleted';

export interface DataDeletedMessage {
  type: typeof DATA_DELETED_MESSAGE;
}

export function isDataDeletedMessage(message: unknown): message is DataDeletedMessage {
  return hasMessageType(message, DATA_DELETED_MESSAGE);
}
