// Large sets of dated points (a researcher's own events) drawn by a MapLibre custom layer that
// filters by time on the GPU: every point carries its first and last day, and a slider step
// changes three uniforms, not the data. MapLibre's own filter re-evaluates every feature on the
// CPU at each step, which at 400,000 points costs far more than a repaint (see `npm run bench`).
// The rule is the atlas's: begun by day t, and (window mode) not ended before t − window.
import type * as maplibregl from 'maplibre-gl';
import type { TimeMode } from '../time/window.ts';
import { PointProgram, rgba } from './gl.ts';

/**
 * The atlas's time rule (time/window.ts isVisible) in GLSL: begun by day t, and, in window mode,
 * not ended before t − window. time-rules.test.ts evaluates this very text against isVisible.
 */
export const visibleGlsl = 'a_days.x <= u_t && (u_cumulative > 0.5 || a_days.y >= u_t - u_window)';

const vertexSource = `#version 300 es
uniform mat4 u_matrix;
uniform float u_t;
uniform float u_window;
uniform float u_cumulative;
uniform float u_size;
in vec2 a_pos;
in vec2 a_days;
void main() {
  bool visible = ${visibleGlsl};
  // A point outside the window is moved out of the clip volume and given no size.
  gl_Position = visible ? u_matrix * vec4(a_pos, 0.0, 1.0) : vec4(2.0, 2.0, 2.0, 1.0);
  gl_PointSize = visible ? u_size : 0.0;
}`;

const fragmentSource = `#version 300 es
precision mediump float;
uniform vec4 u_colour;
out vec4 fragColour;
void main() {
  vec2 c = gl_PointCoord * 2.0 - 1.0;
  float r = dot(c, c);
  if (r > 1.0) discard;
  // A darker rim, so single points read against any fill.
  vec3 rgb = r > 0.55 ? u_colour.rgb * 0.6 : u_colour.rgb;
  fragColour = vec4(rgb * u_colour.a, u_colour.a);
}`;

const uniformNames = ['u_matrix', 'u_t', 'u_window', 'u_cumulative', 'u_size', 'u_colour'] as const;

export interface TimePoints {
  count: number;
  /** Web Mercator 0..1. */
  x: Float32Array;
  y: Float32Array;
  t0: Float32Array;
  t1: Float32Array;
}

export class TimePointsLayer implements maplibregl.CustomLayerInterface {
  readonly type = 'custom';
  readonly renderingMode = '2d';
  private gpu: PointProgram<(typeof uniformNames)[number]> | null = null;
  private count = 0;
  private clock = { t: 0, mode: 'window' as TimeMode, windowDays: 90 };
  private map: maplibregl.Map | null = null;

  constructor(
    readonly id: string,
    private points: TimePoints,
    private colour: string,
    /** CSS pixels: a dot 6 px across at least, so it can be seen and clicked. */
    private radius = 3,
  ) {}

  onAdd(map: maplibregl.Map, gl: WebGLRenderingContext | WebGL2RenderingContext): void {
    this.map = map;
    this.gpu = new PointProgram(gl as WebGL2RenderingContext, 'time-points', { vertex: vertexSource, fragment: fragmentSource }, uniformNames, [
      ['a_pos', 2],
      ['a_days', 2],
    ]);
    this.upload();
  }

  /** Interleaved x, y, t0, t1: 16 bytes a point, uploaded once. */
  private upload() {
    const { count, x, y, t0, t1 } = this.points;
    this.gpu?.upload([x, y, t0, t1], count);
    this.count = count;
  }

  setPoints(points: TimePoints): void {
    this.points = points;
    this.upload();
    this.map?.triggerRepaint();
  }

  /** One slider step: three numbers, then a repaint. */
  setClock(clock: { t: number; mode: TimeMode; windowDays: number }): void {
    this.clock = { ...clock };
    this.map?.triggerRepaint();
  }

  render(gl: WebGLRenderingContext | WebGL2RenderingContext, args: maplibregl.CustomRenderMethodInput): void {
    const gl2 = gl as WebGL2RenderingContext;
    const gpu = this.gpu;
    if (!gpu || !this.count) return;
    gpu.bind(args.defaultProjectionData.mainMatrix as Float32Array, this.clock);
    gl2.uniform1f(gpu.uniforms.u_size, this.radius * 2 * (this.map?.getPixelRatio() ?? 1));
    gl2.uniform4fv(gpu.uniforms.u_colour, rgba(this.colour, 0.85));
    gl2.drawArrays(gl2.POINTS, 0, this.count);
    gpu.unbind();
  }

  onRemove(): void {
    this.gpu?.delete();
    this.gpu = null;
  }
}
