import type { AffectedServices as Affected } from '../utils/badge/affected-services';
import { getPlaceWords } from '../utils/badge/verdict-words';

export interface AffectedServicesProps {
  provider: string;
  region: string | null;
  affected: Affected;
}

/** Who else the outage may reach: the user's own sites seen on that place, then well-known services there. */
export function AffectedServices({ provider, region, affected }: AffectedServicesProps) {
  if (affected.yours.length === 0 && affected.wellKnown.length === 0) return null;
  const place = getPlaceWords(provider, region);
  return (
    <section aria-labelledby="affected-heading">
      <h2 id="affected-heading" class="section-title">
        May also be affected
      </h2>
      {affected.yours.length > 0 ? (
        <>
          <p class="affected__lead">Sites you use on {place}:</p>
          <ul class="affected-list">
            {affected.yours.map((site) => (
              <li key={site}>{site}</li>
            ))}
          </ul>
        </>
      ) : null}
      {affected.wellKnown.length > 0 ? (
        <>
          <p class="affected__lead">Well-known services that rely on {getPlaceWords(provider, null)}:</p>
          <ul class="affected-list">
            {affected.wellKnown.map((s) => (
              <li key={s.name}>
                {s.name}
                {s.region ? <span class="affected__where"> ({s.region})</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
