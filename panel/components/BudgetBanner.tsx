// The plain-words warning shown when a socket pool is full or about to be, with the ways to
// fix it behind a "How to fix" disclosure.
import { budgetLevel, type PoolView } from '../../src/model/pools';
import { poolWarning } from '../budget-text';
import { rich } from '../i18n/rich';
import { t } from '../i18n/translate';

interface Props {
  pools: readonly PoolView[];
  tabId: number;
  now: number;
}

export function BudgetBanner({ pools, tabId, now }: Props) {
  const warnings = pools.flatMap((pool) => {
    const parts = poolWarning(pool, tabId, now);
    return parts ? [{ pool, parts }] : [];
  });
  if (warnings.length === 0) return null;
  const full = warnings.some((w) => budgetLevel(w.pool) === 'full');
  return (
    <div
      class={full ? 'budget-warning full' : 'budget-warning'}
      role="status"
      data-testid="budget-warning"
    >
      {warnings.map(({ pool, parts }) => (
        <p key={pool.key}>
          {parts.map((part, i) => (
            // Waits tick every second; only the rest is worth announcing again.
            <span key={i} aria-live={part.ticking ? 'off' : undefined}>
              {part.text}
            </span>
          ))}
        </p>
      ))}
      <details class="budget-help">
        <summary>{t('fix.summary')}</summary>
        <ul>
          <li>
            <b>{t('fix.h2Title')}</b> {t('fix.h2Body')}
          </li>
          <li>
            <b>{t('fix.shareTitle')}</b> {t('fix.shareBody')}
          </li>
          <li>
            <b>{t('fix.fewerTitle')}</b> {rich(t('fix.fewerBody'), { event: <code>event:</code> })}
          </li>
          <li>
            <b>{t('fix.closeTitle')}</b>{' '}
            {rich(t('fix.closeBody'), {
              close: <code>close()</code>,
              pagehide: <code>pagehide</code>,
              visibilitychange: <code>visibilitychange</code>,
            })}
          </li>
        </ul>
      </details>
    </div>
  );
}
