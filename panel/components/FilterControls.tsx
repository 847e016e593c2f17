// The toolbar's frame filters: free text or /regex/ (an invalid regex is flagged, not
// thrown), an event-type menu built from the types seen so far, and the connection kind.
import type { ConnectionKind } from '../../src/model/capture-state';
import type { PanelStore } from '../store';
import { t } from '../i18n/translate';

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
        placeholder={t('filter.placeholder')}
        aria-label={t('filter.label')}
        aria-invalid={invalid}
        title={invalid ? t('filter.invalid', { error: query.error }) : t('filter.title')}
        spellcheck={false}
        value={store.filterText.value}
        onInput={(e) => {
          store.filterText.value = e.currentTarget.value;
        }}
      />
      <select
        class="type-filter"
        aria-label={t('filter.eventType')}
        value={type ?? ALL_TYPES}
        onChange={(e) => {
          const value = e.currentTarget.value;
          store.typeFilter.value = value === ALL_TYPES ? null : value;
        }}
      >
        <option value={ALL_TYPES}>{t('filter.allTypes')}</option>
        {type !== null && !types.includes(type) && <option value={type}>{type}</option>}
        {types.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <select
        class="type-filter"
        aria-label={t('filter.connectionKind')}
        data-testid="kind-filter"
        value={kind ?? ALL_KINDS}
        onChange={(e) => {
          const value = e.currentTarget.value;
          store.kindFilter.value = KINDS.find((k) => k === value) ?? null;
        }}
      >
        <option value={ALL_KINDS}>{t('filter.allKinds')}</option>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
      {filtered && (
        <span class="shown" role="status">
          {t('filter.shown', { count: store.visibleFrames.value.rows.length })}
        </span>
      )}
    </>
  );
}
