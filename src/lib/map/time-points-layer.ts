// Large sets of dated points (a researcher's own events) drawn by a MapLibre custom layer that
// filters by time on the GPU: every point carries its first and last day, and a slider step
// changes three uniforms, not the data. MapLibre's own filter re-evaluates every feature on the
// CPU at each step, which at 400,000 points costs far more than a repaint (see `npm run bench`).
// The rule is the atlas's: begun by day t, and (window mode) not ended before t − window.
import type * as maplibregl from 'maplibre-gl';
import type { TimeMode } from '../time/window.ts';
import { linkProgram, rgba } from './gl.ts';

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
  private gl: WebGL2RenderingContext | null = null;
  private program: WebGLProgram | null = null;
  private buffer: WebGLBuffer | null = null;
  private vao: WebGLVertexArrayObject | null = null;
  private uniforms: Record<(typeof uniformNames)[number], WebGLUniformLocation | null> | null = null;
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
    const gl2 = gl as WebGL2RenderingContext;
    this.map = map;
    this.gl = gl2;
    const linked = linkProgram(gl2, 'time-points', { vertex: vertexSource, fragment: fragmentSource }, uniformNames);
    this.program = linked.program;
    this.uniforms = linked.uniforms;
    this.buffer = gl2.createBuffer();
    this.vao = gl2.createVertexArray();
    this.upload();
  }

  /** Interleaved x, y, t0, t1: 16 bytes a point, uploaded once. */
  private upload() {
    const gl = this.gl;
    if (!gl) return;
    const { count, x, y, t0, t1 } = this.points;
    const data = new Float32Array(count * 4);
    for (let i = 0; i < count; i++) {
      data[4 * i] = x[i];
      data[4 * i + 1] = y[i];
      data[4 * i + 2] = t0[i];
      data[4 * i + 3] = t1[i];
    }
    gl.bindVertexArray(this.vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.buffer);
    gl.bufferData(gl.ARRAY_BUFFER, data, gl.STATIC_DRAW);
    const pos = gl.getAttribLocation(this.program!, 'a_pos');
    const days = gl.getAttribLocation(this.program!, 'a_days');
    gl.enableVertexAttribArray(pos);
    gl.vertexAttribPointer(pos, 2, gl.FLOAT, false, 16, 0);
    gl.enableVertexAttribArray(days);
    gl.vertexAttribPointer(days, 2, gl.FLOAT, false, 16, 8);
    gl.bindVertexArray(null);
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
    const u = this.uniforms;
    if (!this.program || !u || !this.count) return;
    gl2.useProgram(this.program);
    gl2.uniformMatrix4fv(u.u_matrix, false, args.defaultProjectionData.mainMatrix as Float32Array);
    gl2.uniform1f(u.u_t, this.clock.t);
    gl2.uniform1f(u.u_window, this.clock.windowDays);
    gl2.uniform1f(u.u_cumulative, this.clock.mode === 'cumulative' ? 1 : 0);
    gl2.uniform1f(u.u_size, this.radius * 2 * (this.map?.getPixelRatio() ?? 1));
    gl2.uniform4fv(u.u_colour, rgba(this.colour, 0.85));
    gl2.enable(gl2.BLEND);
    gl2.blendFunc(gl2.ONE, gl2.ONE_MINUS_SRC_ALPHA);
    gl2.bindVertexArray(this.vao);
    gl2.drawArrays(gl2.POINTS, 0, this.count);
    gl2.bindVertexArray(null);
  }

  onRemove(): void {
    const gl = this.gl;
    if (!gl) return;
    gl.deleteBuffer(this.buffer);
    gl.deleteVertexArray(this.vao);
    gl.deleteProgram(this.program);
    this.gl = null;
  }
}
