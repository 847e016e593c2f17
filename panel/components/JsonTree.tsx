// Collapsible JSON tree for the detail pane. Nodes are buttons (keyboard and screen-reader
// friendly); large containers render children 100 at a time behind a "N more" button.
import { useState } from 'preact/hooks';
import { formatCount } from '../format';
import { isContainer, jsonChildren, jsonLeaf, jsonPreview, type JsonContainer } from '../json-tree';

const PAGE = 100;

export function JsonTree({ value }: { value: JsonContainer }) {
  return (
    <ul class="json-tree" role="tree" aria-label="JSON">
      <JsonNode name={null} value={value} initiallyOpen />
    </ul>
  );
}

interface NodeProps {
  /** Key or array index, or null for the root. */
  name: string | null;
  value: unknown;
  initiallyOpen?: boolean;
}

function JsonNode({ name, value, initiallyOpen = false }: NodeProps) {
  const [open, setOpen] = useState(initiallyOpen);
  const [limit, setLimit] = useState(PAGE);
  const label = name !== null && <span class="json-key">{name}:</span>;
  if (!isContainer(value)) {
    const leaf = jsonLeaf(value);
    return (
      <li role="treeitem" class="json-leaf">
        {label}
        <span class={`json-${leaf.kind}`}>{leaf.text}</span>
      </li>
    );
  }
  const children = open ? jsonChildren(value, limit) : null;
  return (
    <li role="treeitem" aria-expanded={open}>
      <button type="button" class="json-toggle" onClick={() => setOpen(!open)}>
        <span class={open ? 'twisty open' : 'twisty'} aria-hidden="true" />
        {label}
        <span class="json-preview">{jsonPreview(value)}</span>
      </button>
      {children && (
        <ul role="group">
          {children.entries.map(([key, child]) => (
            <JsonNode key={key} name={key} value={child} />
          ))}
          {children.more > 0 && (
            <li>
              <button type="button" class="json-more" onClick={() => setLimit(limit + PAGE)}>
                {formatCount(children.more)} more…
              </button>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}
