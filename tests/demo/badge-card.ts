import type { TabBadge } from '../e2e-shared/extension-probe';

/**
 * A picture of the toolbar button as the extension set it for one tab. Headless Chromium draws no
 * toolbar, so the demo renders the real badge values (read back through the extension API) here.
 */
export function renderBadgeCard(site: string, badge: TabBadge): string {
  const [r, g, b, a] = badge.color;
  const color = `rgba(${r}, ${g}, ${b}, ${(a ?? 255) / 255})`;
  const text = escapeHtml(badge.text);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Badge for ${escapeHtml(site)}</title>
<style>
  body { margin: 0; padding: 24px; font: 14px system-ui, sans-serif; background: #f1f3f4; color: #1f2328; }
  .bar { display: flex; align-items: center; gap: 12px; padding: 10px 14px; background: #fff;
         border-radius: 10px; box-shadow: 0 1px 3px rgba(0,0,0,.15); width: fit-content; }
  .url { padding: 6px 12px; background: #f1f3f4; border-radius: 16px; min-width: 260px; }
  .button { position: relative; width: 32px; height: 32px; border-radius: 50%; background: #e8eaed;
            display: grid; place-items: center; font-weight: 700; color: #5f6368; }
  .badge { position: absolute; right: -6px; bottom: -4px; min-width: 16px; padding: 0 4px; border-radius: 4px;
           background: ${color}; color: #fff; font-size: 11px; line-height: 16px; text-align: center; }
  .tip { margin-top: 10px; max-width: 520px; padding: 8px 10px; background: #3c4043; color: #fff; border-radius: 4px; }
</style></head><body>
<div class="bar"><div class="url">${escapeHtml(site)}</div>
<div class="button" aria-label="Outage Lens">OL${text ? `<span class="badge">${text}</span>` : ''}</div></div>
<div class="tip">${escapeHtml(badge.title)}</div>
</body></html>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
