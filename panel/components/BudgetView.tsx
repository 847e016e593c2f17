// The connection-budget strip between the toolbar and the panes: a one-line summary of the
// socket pools the inspected tab uses, the warning when one fills up, and a row per pool; with
// deep capture on in a browser that names no sockets (Firefox), a line saying so.
import { useId, useState } from 'preact/hooks';
import { budgetLevel, type PoolView } from '../../src/model/pools';
import {
  budgetSummary,
  poolChip,
  stripExpanded,
  worstLevel,
  type StripChoice,
} from '../budget-text';
import type { EndpointSockets } from '../../src/deep-capture/socket-use';
import type { PanelStore } from '../store';
import { BudgetBanner } from './BudgetBanner';
import { PoolRow } from './PoolRow';
import { useNow } from './use-now';
import { t } from '../i18n/translate';

interface Props {
  store: PanelStore;
  /** The inspected tab, so its own connections can be told from other tabs'. */
  tabId: number;
}

/** Nothing at all until the inspected tab has a connection in some pool. */
export function BudgetView({ store, tabId }: Props) {
  const pools = store.pools.value;
  const sockets = store.sockets.value;
  const deep = store.deepCapture.value;
  const noSockets = deep?.state === 'on' && deep.sockets === false;
  return pools.length > 0 ? (
    <BudgetStrip pools={pools} sockets={sockets} noSockets={noSockets} tabId={tabId} />
  ) : null;
}

function BudgetStrip({
  pools,
  sockets,
  noSockets,
  tabId,
}: {
  pools: readonly PoolView[];
  sockets: readonly EndpointSockets[];
  /** Deep capture is on but cannot see sockets. */
  noSockets: boolean;
  tabId: number;
}) {
  const now = useNow();
  const [choice, setChoice] = useState<StripChoice | null>(null);
  const listId = useId();
  const level = worstLevel(pools);
  const expanded = stripExpanded(pools, choice);
  return (
    <section class="budget" aria-label={t('budget.label')}>
      <div class="budget-head">
        <button
          type="button"
          class="budget-toggle"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => setChoice({ expanded: !expanded, level })}
        >
          <span class={expanded ? 'twisty open' : 'twisty'} aria-hidden="true" />
          {t('budget.label')}
        </button>
        <span class="dim">{budgetSummary(pools)}</span>
        {!expanded &&
          pools.map((p) => (
            <span key={p.key} class={`pool-chip ${budgetLevel(p)}`}>
              {poolChip(p)}
            </span>
          ))}
      </div>
      <BudgetBanner pools={pools} tabId={tabId} now={now} />
      <div
        id={listId}
        class="pool-list"
        role="list"
        aria-label={t('budget.poolsLabel')}
        hidden={!expanded}
      >
        {noSockets && (
          <p class="deep-note" data-testid="sockets-unavailable">
            {t('budget.noSockets')}
          </p>
        )}
        {pools.map((p) => (
          <PoolRow
            key={p.key}
            pool={p}
            sockets={sockets.find((e) => e.endpoint === p.endpoint)}
            tabId={tabId}
            now={now}
          />
        ))}
      </div>
    </section>
  );
}
