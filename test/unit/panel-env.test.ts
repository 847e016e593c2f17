import { describe, expect, it } from 'vitest';
import { resolveTabId } from '../../panel/tab-id';
import { resolveTheme } from '../../panel/theme';

describe('resolveTabId', () => {
  it('prefers the DevTools inspected tab', () => {
    expect(resolveTabId(12, '?tabId=5')).toBe(12);
    expect(resolveTabId(0, '')).toBe(0);
  });

  it('falls back to ?tabId=N outside DevTools', () => {
    expect(resolveTabId(undefined, '?tabId=5')).toBe(5);
    expect(resolveTabId(undefined, '?x=1&tabId=77')).toBe(77);
  });

  it('returns null when there is no usable id', () => {
    expect(resolveTabId(undefined, '')).toBeNull();
    expect(resolveTabId(undefined, '?tabId=')).toBeNull();
    expect(resolveTabId(undefined, '?tabId=-1')).toBeNull();
    expect(resolveTabId(undefined, '?tabId=1.5')).toBeNull();
    expect(resolveTabId(undefined, '?tabId=abc')).toBeNull();
    expect(resolveTabId(undefined, '?tabId=99999999999999999999')).toBeNull();
  });
});

describe('resolveTheme', () => {
  it('follows DevTools when inside it, whatever the OS prefers', () => {
    expect(resolveTheme('dark', false)).toBe('dark');
    expect(resolveTheme('default', true)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
  });

  it('follows the OS preference outside DevTools', () => {
    expect(resolveTheme(undefined, true)).toBe('dark');
    expect(resolveTheme(undefined, false)).toBe('light');
  });
});
