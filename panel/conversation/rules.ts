// The user's rules for LLM streams no built-in format reads, remembered per origin of the
// stream's URL in the panel page's localStorage (the panel has no network and no sync), and
// checked field by field so the editor can say exactly what is wrong.
import { parseJsonPath, type UserRule } from '../../src/llm/user-rule';
import { say, t } from '../i18n/translate';

export const RULES_STORAGE_KEY = 'sse-lens:llm-rules';

type RulesByOrigin = Record<string, UserRule[]>;

export type RuleField = 'urlPattern' | 'textPath' | 'reasoningPath' | 'finishPath';

/** What is wrong with each field of a rule being edited; empty when it can be saved. */
export function ruleErrors(rule: UserRule): Partial<Record<RuleField, string>> {
  const errors: Partial<Record<RuleField, string>> = {};
  if (rule.urlPattern.trim() === '') errors.urlPattern = t('rule.needUrl');
  const check = (field: RuleField, path: string | undefined, required: boolean): void => {
    if (path === undefined || path.trim() === '') {
      if (required) errors[field] = t('rule.needText');
      return;
    }
    const steps = parseJsonPath(path, say);
    if (!Array.isArray(steps)) errors[field] = t('rule.badPath', { error: steps.error });
  };
  check('textPath', rule.textPath, true);
  check('reasoningPath', rule.reasoningPath, false);
  check('finishPath', rule.finishPath, false);
  return errors;
}

/** The origin a stream URL's rules are kept under ('' for a URL that has none). */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

function readAll(storage: Pick<Storage, 'getItem'> | null): RulesByOrigin {
  const raw = storage?.getItem(RULES_STORAGE_KEY);
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    const out: RulesByOrigin = {};
    for (const [origin, list] of Object.entries(value as Record<string, unknown>)) {
      if (Array.isArray(list)) out[origin] = list.filter(isRule);
    }
    return out;
  } catch {
    return {};
  }
}

function isRule(value: unknown): value is UserRule {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  const optional = (v: unknown): boolean => v === undefined || typeof v === 'string';
  return (
    typeof r['urlPattern'] === 'string' &&
    typeof r['textPath'] === 'string' &&
    optional(r['reasoningPath']) &&
    optional(r['finishPath'])
  );
}

/** The rules saved for the origin of `url`. */
export function loadRules(storage: Pick<Storage, 'getItem'> | null, url: string): UserRule[] {
  return readAll(storage)[originOf(url)] ?? [];
}

/** Saves `rule` for the origin of `url`, replacing a rule with the same URL pattern. */
export function saveRule(storage: Storage | null, url: string, rule: UserRule): void {
  if (!storage) return;
  const all = readAll(storage);
  const origin = originOf(url);
  const kept = (all[origin] ?? []).filter((r) => r.urlPattern !== rule.urlPattern);
  all[origin] = [...kept, rule];
  storage.setItem(RULES_STORAGE_KEY, JSON.stringify(all));
}

/** Removes the rule with `urlPattern` saved for the origin of `url`. */
export function removeRule(storage: Storage | null, url: string, urlPattern: string): void {
  if (!storage) return;
  const all = readAll(storage);
  const origin = originOf(url);
  all[origin] = (all[origin] ?? []).filter((r) => r.urlPattern !== urlPattern);
  storage.setItem(RULES_STORAGE_KEY, JSON.stringify(all));
}
