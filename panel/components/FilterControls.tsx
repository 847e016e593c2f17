// The toolbar's frame filters: free text or /regex/ (an invalid regex is flagged, not
// thrown), an event-type menu built from the types seen so far, and the connection kind.
import type { ConnectionKind } from '../../src/model/capture-state';
import type { PanelStore } from '../store';

const ALL_TYPES = '';
const ALL_KINDS = '';
const KINDS: readonly ConnectionKind[] = ['eventsource', 'fetch', 'xhr'];

export function FilterControls({ store }: { store: PanelStore }) {
  const query = store.query.value;
  const invalid = query.kind === 'invalid';
  const type = store.typeFilter.value;
  const types = store.frameTypes.value;
  const kind = store.kindFilter.value;
  const filtered =
    query.kind === 'match' ||
    type !== null ||
    kind !== null ||
    store.connectionFilter.value !== null;
  return (
    <>
      <input
        type="search"
        class={invalid ? 'filter invalid' : 'filter'}
        placeholder="Filter (text or /regex/)"
        aria-label="Filter frames by data, type, id or connection URL"
        aria-invalid={invalid}
        title={invalid ? `Invalid regular expression: ${query.error}` : 'Text, or /regex/flags'}
        spellcheck={false}
        value={store.filterText.value}
        onInput={(e) => {
          store.filterText.value = e.currentTarget.value;
        }}
      />
      <select
        class="type-filter"
        aria-label="Event type"
        value={type ?? ALL_TYPES}
        onChange={(e) => {
          const value = e.currentTarget.value;
          store.typeFilter.value = value === ALL_TYPES ? null : value;
        }}
      >
        <option value={ALL_TYPES}>All types</option>
        {type !== null && !types.includes(type) && <option value={type}>{type}</option>}
        {types.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <select
        class="type-filter"
        aria-label="Connection kind"
        data-testid="kind-filter"
        value={kind ?? ALL_KINDS}
        onChange={(e) => {
          const value = e.currentTarget.value;
          store.kindFilter.value = KINDS.find((k) => k === value) ?? null;
        }}
      >
        <option value={ALL_KINDS}>All kinds</option>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
      {filtered && (
        <span class="shown" role="status">
          {store.visibleFrames.value.rows.length} shown
        </span>
      )}
    </>
  );
}
