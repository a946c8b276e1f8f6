// The video files the atlas writes: WebM with VP9 (every WebCodecs browser encodes it) and MP4
// with H.264 (where the browser can). Plain data, for the dialog, the command line and encode.ts.
export const containers = ['webm', 'mp4'] as const;
export type Container = (typeof containers)[number];

/** Mediabunny's codec name for each container's video. */
export const codecOf = { webm: 'vp9', mp4: 'avc' } as const satisfies Record<Container, string>;
export const codecName: Record<Container, string> = { webm: 'VP9', mp4: 'H.264' };
export const mimeTypeOf: Record<Container, string> = { webm: 'video/webm', mp4: 'video/mp4' };
