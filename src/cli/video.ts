// A video from the command line. Node draws each frame (src/lib/video/frames.ts, as figures are
// drawn); Chromium only encodes, because WebCodecs is a browser's and Node has none. The page is
// served from 127.0.0.1 (Chromium's VideoEncoder wants a secure context) by a server that lives
// as long as the video: it hands the page Mediabunny, the encoder module (src/lib/video/*.ts,
// transpiled as served, so no build is needed), each frame's pixels as they are asked for, and
// takes the file's bytes back at their positions into <out>.part, renamed to <out> at the end.
import { existsSync, closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import ts from 'typescript';
import { chromiumLaunchOptions } from './browser.ts';
import type { Container } from '../lib/video/containers.ts';

const require = createRequire(import.meta.url);
const videoFolder = join(dirname(new URL(import.meta.url).pathname), '../lib/video');

export interface VideoWrite {
  out: string;
  container: Container;
  width: number;
  height: number;
  fps: number;
  frames: number;
  /** Frame i's RGBA pixels. */
  frame: (i: number) => Uint8Array;
  progress?: (done: number, total: number) => void;
}

/** The one line said when there is no Chromium to encode with. */
export function chromiumMissing(): string | null {
  const path = chromiumLaunchOptions.executablePath;
  if (!path || existsSync(path)) return null;
  return `A video needs Chromium to encode its frames (WebCodecs), and there is none at ${path}: install it (sudo apt-get install chromium) or set ATLAS_CHROMIUM to a Chromium or Chrome.`;
}

const page = `<!doctype html><meta charset="utf-8"><title>Iraq War Atlas video</title>
<script type="importmap">{ "imports": { "mediabunny": "/mediabunny.mjs" } }</script>`;

/** What the page runs: the encoder fed from the server, the file sent back chunk by chunk. */
const encodeInPage = `async (job) => {
  const { encodeVideo } = await import('/video/encode.ts');
  const sink = new WritableStream({
    async write(chunk) {
      const r = await fetch('/chunk?at=' + chunk.position, { method: 'POST', body: chunk.data });
      if (!r.ok) throw new Error(await r.text());
    },
  });
  await encodeVideo({
    ...job,
    sink,
    frame: async (i) => {
      const r = await fetch('/frame/' + i);
      if (!r.ok) throw new Error(await r.text());
      return new Uint8Array(await r.arrayBuffer());
    },
    progress: (done, total) => window.atlasProgress(done, total),
  });
}`;

function transpiled(name: string): string | null {
  if (!/^[a-z-]+\.ts$/.test(name)) return null;
  const file = join(videoFolder, name);
  if (!existsSync(file)) return null;
  return ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
  }).outputText;
}

async function body(request: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** Writes the video, or throws with one line; the half-written file never stays. */
export async function writeVideo(job: VideoWrite): Promise<void> {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  const mediabunny = readFileSync(join(dirname(require.resolve('mediabunny')), 'mediabunny.min.mjs'));
  const partial = `${job.out}.part`;
  const fd = openSync(partial, 'w');
  let finished = false;
  const removePartial = () => {
    if (finished) return;
    try {
      closeSync(fd);
    } catch {
      /* closed already */
    }
    rmSync(partial, { force: true });
  };
  const onSignal = () => {
    removePartial();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const reply = (response: ServerResponse, status: number, type: string, content: string | Uint8Array) => {
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    response.end(content);
  };
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    try {
      if (url.pathname === '/') return reply(response, 200, 'text/html', page);
      if (url.pathname === '/mediabunny.mjs') return reply(response, 200, 'text/javascript', mediabunny);
      const module = url.pathname.startsWith('/video/') ? transpiled(url.pathname.slice('/video/'.length)) : null;
      if (module !== null) return reply(response, 200, 'text/javascript', module);
      const frame = /^\/frame\/(\d+)$/.exec(url.pathname);
      if (frame) return reply(response, 200, 'application/octet-stream', job.frame(Number(frame[1])));
      if (url.pathname === '/chunk' && request.method === 'POST') {
        const bytes = await body(request);
        writeSync(fd, bytes, 0, bytes.length, Number(url.searchParams.get('at')));
        return reply(response, 200, 'text/plain', 'ok');
      }
      reply(response, 404, 'text/plain', `${url.pathname} is not served here`);
    } catch (e) {
      reply(response, 500, 'text/plain', String((e as Error).message ?? e).split('\n')[0]);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const tab = await browser.newPage();
    await tab.exposeFunction('atlasProgress', (done: number, total: number) => job.progress?.(done, total));
    await tab.goto(origin);
    const settings = { container: job.container, width: job.width, height: job.height, fps: job.fps, frames: job.frames };
    await tab.evaluate(`(${encodeInPage})(${JSON.stringify(settings)})`).catch((e: Error) => {
      // Playwright wraps the page's error: keep the page's own words.
      throw new Error(e.message.replace(/^[^:]*evaluate: (Error: )?/, '').split('\n')[0]);
    });
    closeSync(fd);
    renameSync(partial, job.out);
    finished = true;
  } finally {
    removePartial();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await browser.close();
    server.close();
  }
}
