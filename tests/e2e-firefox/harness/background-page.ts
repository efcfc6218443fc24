import type { ExtensionEval } from '../../e2e-shared/extension-eval';
import { NAME_SHIM } from '../../e2e-shared/name-shim';
import { withTimeout } from '../../e2e-shared/with-timeout';
import type { RdpConnection } from './rdp-connection';
import type { RdpPacket } from './rdp-frames';

/**
 * Runs code inside an add-on's background page over RDP (WebDriver BiDi cannot see extension pages):
 * root `listAddons` → the add-on's descriptor `getWatcher` → `watchTargets {targetType:'frame'}`,
 * whose `target-available-form` events name the background page's console actor.
 */
export type BackgroundPage = ExtensionEval;

const BACKGROUND_SUFFIX = '/_generated_background_page.html';
const EVALUATE_TIMEOUT_MS = 10_000;

export async function attachBackgroundPage(rdp: RdpConnection, addonId: string): Promise<BackgroundPage> {
  const { addons } = (await rdp.request('root', 'listAddons')) as {
    addons?: { id: string; actor: string }[];
  };
  const addon = addons?.find((a) => a.id === addonId);
  if (!addon)
    throw new Error(`add-on ${addonId} not listed over RDP (${addons?.map((a) => a.id).join(', ')})`);
  const watcher = await rdp.request(addon.actor, 'getWatcher', { isServerTargetSwitchingEnabled: true });
  const consoleActor = await waitForBackgroundConsole(rdp, watcher.actor as string);
  return {
    async evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<Awaited<R>> {
      // A rejected top-level await comes back without its message, so the page code catches it itself.
      const source = `${NAME_SHIM} (async () => {
        try { return JSON.stringify({ value: await (${fn.toString()})(${JSON.stringify(arg)}) }); }
        catch (error) { return JSON.stringify({ error: String(error) }); }
      })()`;
      const outcome = JSON.parse(await evaluateToString(rdp, consoleActor, source)) as {
        value?: Awaited<R>;
        error?: string;
      };
      if (outcome.error !== undefined) throw new Error(`background page threw: ${outcome.error}`);
      return outcome.value as Awaited<R>;
    },
  };
}

/** The background page's console actor; other frame targets (a devtools fallback document) are ignored. */
async function waitForBackgroundConsole(rdp: RdpConnection, watcherActor: string): Promise<string> {
  let found: (actor: string) => void = () => {};
  const consoleActor = new Promise<string>((resolve) => {
    found = resolve;
  });
  // Listening starts before the request: the events can share a TCP chunk with its reply.
  const stop = rdp.onEvent((packet) => {
    if (packet.from !== watcherActor || packet.type !== 'target-available-form') return;
    const target = packet.target as { url?: string; consoleActor?: string } | undefined;
    if (target?.url?.endsWith(BACKGROUND_SUFFIX) && target.consoleActor) found(target.consoleActor);
  });
  try {
    await rdp.request(watcherActor, 'watchTargets', { targetType: 'frame' });
    return await withTimeout(consoleActor, EVALUATE_TIMEOUT_MS, noAnswer('the background page target'));
  } finally {
    stop();
  }
}

/**
 * `evaluateJSAsync` answers with a `resultID` and delivers the value later in an `evaluationResult`
 * event. Events are collected from before the request is sent: the event may arrive in the same
 * chunk as the reply, and a listener added after the reply would miss it (the hang in
 * toolchain-firefox.md, pitfall 3).
 */
async function evaluateToString(rdp: RdpConnection, consoleActor: string, text: string): Promise<string> {
  const results = new Map<string, RdpPacket>();
  let wake = () => {};
  const stop = rdp.onEvent((packet) => {
    if (packet.from !== consoleActor || packet.type !== 'evaluationResult') return;
    results.set(packet.resultID as string, packet);
    wake();
  });
  try {
    const reply = await rdp.request(consoleActor, 'evaluateJSAsync', { text, mapped: { await: true } });
    const resultID = reply.resultID as string;
    const result = await withTimeout(
      new Promise<RdpPacket>((resolve) => {
        wake = () => {
          const packet = results.get(resultID);
          if (packet) resolve(packet);
        };
        wake();
      }),
      EVALUATE_TIMEOUT_MS,
      noAnswer('an evaluation in the background page'),
    );
    if (result.exceptionMessage !== undefined) {
      throw new Error(`background page threw: ${gripToText(result.exceptionMessage)}`);
    }
    if (result.topLevelAwaitRejected === true) throw new Error('background page evaluation rejected');
    return await readString(rdp, result.result);
  } finally {
    stop();
  }
}

/** Strings longer than Firefox's inline limit come back as a longString grip to read in full. */
async function readString(rdp: RdpConnection, grip: unknown): Promise<string> {
  if (typeof grip === 'string') return grip;
  const long = grip as { type?: string; actor?: string; length?: number } | undefined;
  if (long?.type === 'longString' && long.actor && typeof long.length === 'number') {
    const reply = await rdp.request(long.actor, 'substring', { start: 0, end: long.length });
    return reply.substring as string;
  }
  throw new Error(`expected a JSON string from the background page, got ${JSON.stringify(grip)}`);
}

function gripToText(grip: unknown): string {
  if (typeof grip === 'string') return grip;
  const long = grip as { initial?: string } | undefined;
  return long?.initial ?? JSON.stringify(grip);
}

function noAnswer(what: string): string {
  return `no answer within ${EVALUATE_TIMEOUT_MS} ms waiting for ${what}`;
}
