// A short look at a frame's data for table rows and timeline tooltips. Computed only for what
// is on screen; a slice of a long string shares its characters instead of copying them, so a
// 1 MB frame is held once however it is shown.

export const PREVIEW_CHARS = 200;

export function preview(data: string): string {
  return data.length <= PREVIEW_CHARS ? data : `${data.slice(0, PREVIEW_CHARS)}…`;
}
