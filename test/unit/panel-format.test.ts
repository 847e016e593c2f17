import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatClock,
  formatCount,
  formatDuration,
  formatFixed,
  formatFrameSize,
  splitUrl,
} from '../../panel/format';
import { t } from '../../panel/i18n/translate';
import { activeLocale, INTL_TAGS, type Locale } from '../../panel/i18n/locale';

describe('formatClock', () => {
  it('shows local HH:MM:SS.mmm, zero-padded', () => {
    expect(formatClock(new Date(2024, 0, 2, 3, 4, 5, 6).getTime())).toBe('03:04:05.006');
    expect(formatClock(new Date(2024, 11, 31, 23, 59, 59, 999).getTime())).toBe('23:59:59.999');
  });
});

describe('formatBytes', () => {
  it('uses bytes below 1 KB and one decimal above', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1024)).toBe('1.0 KB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(2 * 1024 * 1024)).toBe('2.0 MB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB');
  });

  it('moves to the next unit instead of showing 1024.0', () => {
    expect(formatBytes(1024 * 1024 - 1)).toBe('1.0 MB');
  });

  it('stops at GB', () => {
    expect(formatBytes(2048 * 1024 ** 3)).toBe('2048.0 GB');
  });
});

describe('formatFixed', () => {
  it('says what Intl says, for values it formatted before too, in each locale and past its memory', () => {
    const values = [0, -0, 1, 1.25, -3.5, 1023, 1e21, NaN, Infinity, 0.05];
    for (let i = 0; i < 1_500; i++) values.push(i / 7);
    const before = activeLocale.value;
    try {
      for (const locale of Object.keys(INTL_TAGS) as Locale[]) {
        activeLocale.value = locale;
        for (const digits of [0, 1, 2]) {
          const intl = new Intl.NumberFormat(INTL_TAGS[locale], {
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
            useGrouping: false,
          });
          // Twice over: the second pass reads what the first one kept.
          for (const v of [...values, ...values])
            expect(formatFixed(v, digits)).toBe(intl.format(v));
        }
      }
    } finally {
      activeLocale.value = before;
    }
    expect(formatFixed(-0, 0)).toBe('-0');
    expect(formatFixed(0, 0)).toBe('0');
  });
});

describe('formatFrameSize', () => {
  it('marks truncated frames', () => {
    expect(formatFrameSize(2 * 1024 * 1024, true)).toBe('2.0 MB (truncated)');
    expect(formatFrameSize(12, false)).toBe('12 B');
  });
});

describe('formatDuration', () => {
  it('picks a unit by magnitude', () => {
    expect(formatDuration(450.4)).toBe('450 ms');
    expect(formatDuration(12_345)).toBe('12.3 s');
    expect(formatDuration(59_999)).toBe('59.9 s');
    expect(formatDuration(245_000)).toBe('4m 05s');
    expect(formatDuration(3_720_000)).toBe('1h 02m');
  });

  it('treats negative durations (clock skew) as zero', () => {
    expect(formatDuration(-5)).toBe('0 ms');
  });
});

describe('formatCount', () => {
  it('groups thousands with commas', () => {
    expect(formatCount(1_048_576)).toBe('1,048,576');
    expect(formatCount(12)).toBe('12');
  });
});

describe('splitUrl', () => {
  it('separates origin from path, query and fragment', () => {
    expect(splitUrl('https://api.example.com:8443/v1/stream?x=1#f')).toEqual({
      origin: 'https://api.example.com:8443',
      path: '/v1/stream?x=1#f',
    });
  });

  it('keeps unparsable or opaque URLs whole as the path', () => {
    expect(splitUrl('(created before the capture started)')).toEqual({
      origin: '',
      path: '(created before the capture started)',
    });
    expect(splitUrl('data:text/event-stream,x')).toEqual({
      origin: '',
      path: 'data:text/event-stream,x',
    });
  });
});

describe('counted nouns', () => {
  it('agree with the count', () => {
    expect(t('count.connections', { count: 1 })).toBe('1 connection');
    expect(t('count.frames', { count: 0 })).toBe('0 frames');
    expect(t('count.frames', { count: 2000 })).toBe('2,000 frames');
  });
});
