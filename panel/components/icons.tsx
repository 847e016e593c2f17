// Small inline toolbar icons drawn in `currentColor`, so they follow the theme like the
// DevTools toolbar glyphs they imitate.

const box = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true } as const;

export function RecordIcon() {
  return (
    <svg {...box}>
      <circle cx="8" cy="8" r="5" fill="currentColor" />
    </svg>
  );
}

export function ClearIcon() {
  return (
    <svg {...box} fill="none" stroke="currentColor" stroke-width="1.5">
      <circle cx="8" cy="8" r="5.25" />
      <path d="M4.3 11.7l7.4-7.4" />
    </svg>
  );
}

export function ImportIcon() {
  return (
    <svg {...box} fill="none" stroke="currentColor" stroke-width="1.5">
      <path d="M8 11V3M4.5 6.5L8 3l3.5 3.5M3 13.25h10" />
    </svg>
  );
}

export function ExportIcon() {
  return (
    <svg {...box} fill="none" stroke="currentColor" stroke-width="1.5">
      <path d="M8 3v8M4.5 7.5L8 11l3.5-3.5M3 13.25h10" />
    </svg>
  );
}

export function CloseIcon() {
  return (
    <svg {...box} fill="none" stroke="currentColor" stroke-width="1.5">
      <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" />
    </svg>
  );
}
