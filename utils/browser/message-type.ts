/**
 * Whether a runtime message is an object whose `type` is `type`: the one check behind every message guard
 * (anything may arrive on runtime.onMessage, so a guard never assumes a shape).
 */
export function hasMessageType(message: unknown, type: string): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}
