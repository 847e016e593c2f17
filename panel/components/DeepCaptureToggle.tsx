// The toolbar switch for deep capture of the inspected tab (data-state off|on|unavailable|
// error), with the line that explains what it does (in Chrome, the debugging bar) before
// first use and, on failure, the browser's own reason.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import {
  notGranted,
  requestPermissions,
  switchHint,
  type Availability,
  type PermissionsApi,
} from '../deep-capture';
import type { PanelStore } from '../store';
import { say, t } from '../i18n/translate';

const USED_KEY = 'sse-lens.deepCaptureUsed';

export interface DeepCaptureProps {
  availability: Availability;
  permissions: PermissionsApi | undefined;
  /** Sends the switch to the background. */
  setDeepCapture: (on: boolean) => void;
  /** Where the panel remembers that the switch was used (the hint then goes). */
  storage: Storage | null;
}

export function DeepCaptureToggle(props: DeepCaptureProps & { store: PanelStore }) {
  const { store, availability, permissions, setDeepCapture, storage } = props;
  const granted = useSignal(false);
  const denied = useSignal<string | null>(null);
  const used = useSignal(storage?.getItem(USED_KEY) === '1');
  const wanted = availability.available ? availability.wanted : null;
  useEffect(() => {
    if (wanted === null) return;
    permissions
      ?.contains(wanted)
      .then((yes) => (granted.value = yes))
      .catch(() => undefined);
  }, [permissions, wanted]);

  const reported = store.deepCapture.value;
  let state: 'off' | 'on' | 'unavailable' | 'error' = reported?.state ?? 'off';
  let problem =
    reported?.state === 'error'
      ? reported.problem
        ? say(reported.problem)
        : reported.error
      : null;
  if (!availability.available) {
    state = 'unavailable';
    problem = availability.reason;
  } else if (denied.value !== null && state !== 'on') {
    state = 'error';
    problem = denied.value;
  }
  const on = state === 'on';

  const toggle = (): void => {
    if (!availability.available) return;
    denied.value = null;
    if (!used.value) {
      used.value = true;
      storage?.setItem(USED_KEY, '1');
    }
    if (on) {
      setDeepCapture(false);
      return;
    }
    // Firefox's DevTools panels have no permissions API: the background checks, and asks
    // through a page of its own.
    if (!permissions) {
      setDeepCapture(true);
      return;
    }
    requestPermissions(permissions, availability.wanted, granted.value)
      .then((yes) => {
        granted.value = yes;
        if (yes) setDeepCapture(true);
        else denied.value = notGranted(availability.kind);
      })
      .catch((error: unknown) => {
        denied.value = error instanceof Error ? error.message : String(error);
      });
  };

  const label = on ? t('deep.turnOff') : t('deep.turnOn');
  const barHint = availability.available ? switchHint(availability.kind) : '';
  const hint = problem === null && !used.value;
  return (
    <span class="deep-capture">
      <button
        type="button"
        role="switch"
        class={`deep-toggle ${state}`}
        data-testid="deep-capture-toggle"
        data-state={state}
        aria-checked={on}
        aria-disabled={state === 'unavailable'}
        aria-describedby={problem !== null || hint ? 'deep-capture-note' : undefined}
        title={problem ?? (on ? label : barHint)}
        onClick={toggle}
      >
        <span class="deep-knob" aria-hidden="true" />
        {t('deep.label')}
      </button>
      {problem !== null ? (
        <span
          id="deep-capture-note"
          class={state === 'error' ? 'deep-note error' : 'deep-note'}
          role={state === 'error' ? 'alert' : undefined}
          data-testid="deep-capture-message"
          title={problem}
        >
          {problem}
        </span>
      ) : (
        hint && (
          <span
            id="deep-capture-note"
            class="deep-note"
            data-testid="deep-capture-hint"
            title={barHint}
          >
            {barHint}
          </span>
        )
      )}
    </span>
  );
}
