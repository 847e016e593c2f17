// The toolbar's loss notices: one per cap or check that can keep a record from the view,
// each with its own words and a tooltip saying what happened and what to do. Kept apart
// from the component so the wording is tested without a DOM.
import type { CaptureCounters } from '../src/model/capture-state';
import { LIMITS } from '../src/protocol/constants';
import { formatCount } from './format';
import { t } from './i18n/translate';

export interface CaptureNotice {
  /** `data-testid` of the notice; tests read its `data-count`. */
  testId: string;
  count: number;
  text: string;
  tooltip: string;
}

const mebi = (chars: number): string => formatCount(chars / (1024 * 1024));

/** The notices to show now, in toolbar order; counters at zero show nothing. */
export function captureNotices(c: CaptureCounters): CaptureNotice[] {
  const n = formatCount;
  const all: CaptureNotice[] = [
    {
      testId: 'notice-stale-hook',
      count: c.staleHook,
      text: t('notice.staleHook', { count: c.staleHook }),
      tooltip: t('notice.staleHookTip'),
    },
    {
      testId: 'notice-malformed',
      count: c.malformed,
      text: t('notice.malformed', { count: c.malformed }),
      tooltip: t('notice.malformedTip'),
    },
    {
      testId: 'notice-untracked',
      count: c.untrackedConnections,
      text: t('notice.untracked', { count: c.untrackedConnections }),
      tooltip: t('notice.untrackedTip', {
        max: n(LIMITS.maxConnections),
        mebi: mebi(LIMITS.maxBufferedMetaChars),
        records: n(c.untrackedRecords),
      }),
    },
    {
      testId: 'notice-dropped-by-hook',
      count: c.droppedByHook,
      text: t('notice.droppedByHook', { count: c.droppedByHook }),
      tooltip: t('notice.droppedByHookTip'),
    },
    {
      testId: 'notice-evicted-source',
      count: c.evictedAtSource,
      text: t('notice.evictedSource', { count: c.evictedAtSource }),
      tooltip: t('notice.evictedSourceTip', {
        frames: n(LIMITS.maxBufferedRecords),
        mebi: mebi(LIMITS.maxBufferedDataChars),
      }),
    },
    {
      testId: 'notice-evicted-panel',
      count: c.evictedInPanel,
      text: t('notice.evictedPanel', { count: c.evictedInPanel }),
      tooltip: t('notice.evictedPanelTip'),
    },
    {
      testId: 'notice-paused',
      count: c.notRecordedWhilePaused,
      text: t('notice.paused', { count: c.notRecordedWhilePaused }),
      tooltip: t('notice.pausedTip'),
    },
    {
      testId: 'notice-wire-unmatched',
      count: c.wireUnmatched,
      text: t('notice.wireUnmatched', { count: c.wireUnmatched }),
      tooltip: t('notice.wireUnmatchedTip'),
    },
    {
      testId: 'notice-wire-missed',
      count: c.wireMissed,
      text: t('notice.wireMissed', { count: c.wireMissed }),
      tooltip: t('notice.wireMissedTip'),
    },
  ];
  return all.filter((notice) => notice.count > 0);
}
