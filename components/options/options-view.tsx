import type { UserMapping } from '../../utils/attribute/user-mapping';
import { DataControls } from './data-controls';
import type { FeedRow } from './feed-rows';
import { FeedStatusList } from './feed-status-list';
import { PrivacySettings } from './privacy-settings';
import { UserMappingEditor } from './user-mapping-editor';

export interface OptionsViewProps {
  now: number;
  feeds: FeedRow[];
  updating: boolean;
  feedMessage: string | null;
  mappings: UserMapping[];
  mappingErrors: string[];
  doh: boolean;
  dataMessage: string | null;
  onUpdateNow: () => void;
  onMappingsChange: (next: UserMapping[]) => void;
  onDohChange: (enabled: boolean) => void;
  onExport: () => void;
  onDelete: () => void;
}

/** The whole options page: props in, callbacks out (entrypoints/options/App.tsx does the storage). */
export function OptionsView(props: OptionsViewProps) {
  return (
    <main class="options">
      <h1>Outage Lens settings</h1>
      <FeedStatusList
        rows={props.feeds}
        now={props.now}
        updating={props.updating}
        message={props.feedMessage}
        onUpdateNow={props.onUpdateNow}
      />
      <UserMappingEditor
        mappings={props.mappings}
        loadErrors={props.mappingErrors}
        onChange={props.onMappingsChange}
      />
      <PrivacySettings doh={props.doh} onDohChange={props.onDohChange} />
      <DataControls onExport={props.onExport} onDelete={props.onDelete} message={props.dataMessage} />
    </main>
  );
}
