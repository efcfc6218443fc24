import type { AffectedServices as Affected } from '../utils/badge/affected-services';
import type { Outage, Verdict } from '../utils/infer/types';
import { AffectedServices } from './affected-services';
import { OutageList } from './outage-list';
import { VerdictPanel } from './verdict-panel';

export interface VerdictSectionProps {
  /** The engine's verdict for the tab's site, when it has one to show. */
  verdict?: Verdict;
  outages: Outage[];
  /** Who else the verdict's outage reaches (only for a provider outage). */
  affected?: Affected;
  now: number;
}

/** The popup's verdict slot: the tab's verdict, the suspected outages, and who else they may reach. */
export function VerdictSection({ verdict, outages, affected, now }: VerdictSectionProps) {
  if (!verdict && outages.length === 0) return null;
  return (
    <>
      {verdict ? <VerdictPanel verdict={verdict} now={now} /> : null}
      {verdict?.kind === 'provider-outage' && verdict.provider && affected ? (
        <AffectedServices provider={verdict.provider} region={verdict.region ?? null} affected={affected} />
      ) : null}
      <OutageList outages={outages} now={now} />
    </>
  );
}
