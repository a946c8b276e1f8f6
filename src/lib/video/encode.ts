// Frames → a WebM (VP9) or MP4 (H.264) file, with the browser's WebCodecs encoder through
// Mediabunny's muxers (https://mediabunny.dev). Runs in a page only: the print dialog's, and the
// one `npm run figure` opens in Chromium (WebCodecs is not in Node). Chromium offers VideoEncoder
// only in a secure context, which a page on http://127.0.0.1 is.
//
// Imports only Mediabunny and its neighbours in this folder, so the command line can serve it to
// its page transpiled, without a build (src/cli/video.ts).
import { canEncodeVideo, Mp4OutputFormat, Output, QUALITY_HIGH, StreamTarget, VideoSample, VideoSampleSource, WebMOutputFormat } from 'mediabunny';
import type { StreamTargetChunk } from 'mediabunny';
import { codecName, codecOf, type Container } from './containers.ts';

/** Whether this browser can write the container at this size, or why not. */
export async function canWrite(container: Container, width: number, height: number, fps: number): Promise<true | string> {
  if (typeof VideoEncoder === 'undefined')
    return 'This browser has no video encoder (WebCodecs): use a recent Chromium, Chrome, Edge or Firefox, on https:// or on this machine (127.0.0.1).';
  const ok = await canEncodeVideo(codecOf[container], { width, height, frameRate: fps, quality: QUALITY_HIGH });
  return ok || `This browser cannot encode ${codecName[container]} at ${width} × ${height} px${container === 'mp4' ? ': choose WebM' : ''}.`;
}

export interface EncodeJob {
  container: Container;
  width: number;
  height: number;
  fps: number;
  frames: number;
  /** Frame i's RGBA pixels, width × height × 4 bytes. */
  frame: (i: number) => Promise<Uint8Array> | Uint8Array;
  /** Where the file's bytes go, each chunk at its position (Mediabunny seeks back to write the header's sizes). */
  sink: WritableStream<StreamTargetChunk>;
  /** After each frame: how many are done. */
  progress?: (done: number, total: number) => void;
  /** Stops between frames; the sink is then aborted and the output cancelled. */
  signal?: AbortSignal;
}

export class Cancelled extends Error {
  constructor() {
    super('The video was cancelled.');
  }
}

/** Encodes every frame in order, one at a time (a frame is drawn only when the encoder wants one). */
export async function encodeVideo(job: EncodeJob): Promise<void> {
  const why = await canWrite(job.container, job.width, job.height, job.fps);
  if (why !== true) throw new Error(why);
  const output = new Output({
    format: job.container === 'webm' ? new WebMOutputFormat() : new Mp4OutputFormat({ fastStart: false }),
    target: new StreamTarget(job.sink),
  });
  const source = new VideoSampleSource({ codec: codecOf[job.container], quality: QUALITY_HIGH, keyFrameInterval: 2 });
  output.addVideoTrack(source, { frameRate: job.fps });
  await output.start();
  try {
    for (let i = 0; i < job.frames; i++) {
      if (job.signal?.aborted) throw new Cancelled();
      const pixels = await job.frame(i);
      const sample = new VideoSample(pixels, {
        format: 'RGBA',
        codedWidth: job.width,
        codedHeight: job.height,
        timestamp: i / job.fps,
        duration: 1 / job.fps,
      });
      try {
        await source.add(sample);
      } finally {
        sample.close();
      }
      job.progress?.(i + 1, job.frames);
    }
    if (job.signal?.aborted) throw new Cancelled();
    await output.finalize();
  } catch (e) {
    await output.cancel();
    throw e;
  }
}

/** A sink that keeps the file in memory (the dialog's: a download is one Blob), and its bytes once done. */
export function memorySink(): { sink: WritableStream<StreamTargetChunk>; bytes: () => Uint8Array } {
  const chunks: StreamTargetChunk[] = [];
  return {
    sink: new WritableStream({ write: (chunk) => void chunks.push({ ...chunk, data: chunk.data.slice() }) }),
    bytes: () => {
      const file = new Uint8Array(Math.max(0, ...chunks.map((c) => c.position + c.data.length)));
      // In order, so a part written again (the header's sizes) ends as written last.
      for (const c of chunks) file.set(c.data, c.position);
      return file;
    },
  };
}
