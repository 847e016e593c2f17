// Centered message shown instead of the panes: before any connection is seen, or when the
// panel cannot tell which tab to inspect.
import type { ComponentChildren } from 'preact';

export function EmptyState({ children }: { children: ComponentChildren }) {
  return (
    <div class="empty-state" role="status">
      <p>{children}</p>
    </div>
  );
}
