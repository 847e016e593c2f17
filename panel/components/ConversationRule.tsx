// The editor of a user rule for an LLM stream no built-in format reads: which URLs it applies
// to and the JSON paths of the text, reasoning and finish reason in each frame. Every field is
// checked as typed (the path parser's own message), and a saved rule is kept for the stream's
// origin and applied at once.
import { useState } from 'preact/hooks';
import { ruleMatchesUrl, type UserRule } from '../../src/llm/user-rule';
import type { ConnectionView } from '../../src/model/capture-state';
import type { ConversationContext } from '../conversation/context';
import { originOf, removeRule, ruleErrors, saveRule, type RuleField } from '../conversation/rules';
import { panelStorage } from '../limits';
import { t, type MessageKey } from '../i18n/translate';

interface Props {
  connection: ConnectionView;
  /** The rules saved for this stream's origin. */
  rules: readonly UserRule[];
  context: ConversationContext;
  open: boolean;
}

const FIELDS: [RuleField, MessageKey, string][] = [
  ['urlPattern', 'rule.urlPattern', 'https://api.example.com/v1/stream*'],
  ['textPath', 'rule.textPath', 'choices[0].delta.text'],
  ['reasoningPath', 'rule.reasoningPath', 'delta.reasoning'],
  ['finishPath', 'rule.finishPath', 'choices[0].finish_reason'],
];

/** The URL without its query, then `*`: a rule for this endpoint whatever the query says. */
function defaultPattern(url: string): string {
  return `${url.split(/[?#]/)[0] ?? url}*`;
}

export function ConversationRule({ connection, rules, context, open }: Props) {
  const url = connection.url;
  const current = rules.find((r) => ruleMatchesUrl(r, url));
  const [draft, setDraft] = useState<UserRule>(
    current ?? { urlPattern: defaultPattern(url), textPath: '' },
  );
  const [saved, setSaved] = useState(false);
  const errors = ruleErrors(draft);
  const valid = Object.keys(errors).length === 0;
  const set = (field: RuleField, value: string): void => {
    setSaved(false);
    setDraft({ ...draft, [field]: value });
  };
  const changed = (): void => {
    context.rulesVersion.value++;
  };
  return (
    <details class="conversation-rule" data-testid="conversation-rule" open={open}>
      <summary>
        {t(current ? 'rule.readWithYours' : 'rule.readWithRule', {
          origin: originOf(url) || t('rule.thisUrl'),
        })}
      </summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!valid) return;
          saveRule(panelStorage(), url, cleaned(draft));
          setSaved(true);
          changed();
        }}
      >
        {FIELDS.map(([field, label, placeholder]) => (
          <label key={field}>
            {t(label)}
            <input
              type="text"
              name={field}
              data-testid={`rule-${field}`}
              placeholder={placeholder}
              value={draft[field] ?? ''}
              aria-invalid={errors[field] !== undefined}
              onInput={(e) => set(field, e.currentTarget.value)}
            />
            {errors[field] && (
              <span class="warn" role="alert" data-testid={`rule-${field}-error`}>
                {errors[field]}
              </span>
            )}
          </label>
        ))}
        <div class="settings-actions">
          {current && (
            <button
              type="button"
              class="text-button"
              data-testid="rule-remove"
              onClick={() => {
                removeRule(panelStorage(), url, current.urlPattern);
                changed();
              }}
            >
              {t('rule.remove')}
            </button>
          )}
          <span class="spacer" />
          {saved && (
            <span class="dim" data-testid="rule-saved">
              {t('rule.saved')}
            </span>
          )}
          <button
            type="submit"
            class="text-button primary"
            data-testid="rule-save"
            disabled={!valid}
          >
            {t('rule.save')}
          </button>
        </div>
      </form>
    </details>
  );
}

/** Optional paths left empty are not saved. */
function cleaned(rule: UserRule): UserRule {
  const out: UserRule = { urlPattern: rule.urlPattern.trim(), textPath: rule.textPath.trim() };
  if (rule.reasoningPath?.trim()) out.reasoningPath = rule.reasoningPath.trim();
  if (rule.finishPath?.trim()) out.finishPath = rule.finishPath.trim();
  return out;
}
