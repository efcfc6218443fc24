export interface PrivacySettingsProps {
  doh: boolean;
  onDohChange: (enabled: boolean) => void;
}

/** Section (c): opt-ins that send something off the device. Each is off by default and says what it sends. */
export function PrivacySettings({ doh, onDohChange }: PrivacySettingsProps) {
  return (
    <section class="options-section" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Privacy</h2>
      <div class="toggle">
        <input
          id="doh-toggle"
          type="checkbox"
          checked={doh}
          aria-describedby="doh-explanation"
          onChange={(e) => onDohChange((e.currentTarget as HTMLInputElement).checked)}
        />
        <label for="doh-toggle">Look up site names with DNS over HTTPS</label>
      </div>
      <p id="doh-explanation" class="options-hint">
        Off by default. When on, Outage Lens asks Cloudflare's public DNS service (cloudflare-dns.com) which
        names and name servers a site uses, so it can tell which provider serves it. Cloudflare then learns
        the names of the sites that Outage Lens looks up. Without it, Outage Lens uses only what your browser
        already shows it (in Firefox, the browser's own DNS lookup).
      </p>
    </section>
  );
}
