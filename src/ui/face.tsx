// The five emotion faces, drawn inline so no emoji font is needed. Each differs at a glance in
// three ways: brows and eyes, mouth, and colour (set by the `mood-<n>` class in styles.ts, at
// least 3:1 against the card in light and dark mode), so no face relies on colour alone.

/** Brows, eyes and mouth per score 1–5: frustrated, disappointed, neutral, pleased, delighted. */
const FEATURES: Record<number, { brows?: string; eyes: string; mouth: string; open?: boolean }> = {
  1: { brows: 'M6.5 7.5l3.5 1.6M17.5 7.5L14 9.1', eyes: 'M8.7 11v.8M15.3 11v.8', mouth: 'M8 17.2q4-3.6 8 0' },
  2: { brows: 'M6.8 9l3-1.4M17.2 9l-3-1.4', eyes: 'M8.7 10.6v.8M15.3 10.6v.8', mouth: 'M8.5 16.4q3.5-1.8 7 0' },
  3: { eyes: 'M8.7 10v1M15.3 10v1', mouth: 'M8.5 15.5h7' },
  4: { eyes: 'M8.7 10v1M15.3 10v1', mouth: 'M8 14.5q4 3.4 8 0' },
  5: {
    eyes: 'M7.4 10.8q1.3-1.6 2.6 0M14 10.8q1.3-1.6 2.6 0',
    mouth: 'M7.5 13.5h9q-.6 4.5-4.5 4.5t-4.5-4.5z',
    open: true,
  },
}

/** One face; `mood` is the score 1–5. Decorative: the radio carries the name. */
export function Face({ mood }: { mood: number }) {
  const { brows, eyes, mouth, open } = FEATURES[mood]
  return (
    <svg
      class={`mood-${mood}`}
      viewBox="0 0 24 24"
      width="28"
      height="28"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      stroke-width="1.6"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <circle cx="12" cy="12" r="10" fill="currentColor" fill-opacity=".12" />
      {brows && <path d={brows} />}
      <path d={eyes} stroke-width="2" />
      <path d={mouth} fill={open ? 'currentColor' : 'none'} />
    </svg>
  )
}
