// An event's ring fades with how much of its possible span the view covers (time/window.ts
// shareInView): full for an event dated to the day, faint for a year seen through a short window,
// never quite gone, so a reader still sees that something is dated to the time around it.
export const fade = { floor: 0.15, full: 0.9 } as const;

export const ringOpacity = (share: number): number => fade.floor + (fade.full - fade.floor) * share;

/** The share of its span in view that the legends' faded ring shows: a year seen through a 90-day window. */
export const FADED_SAMPLE = 91 / 365;
