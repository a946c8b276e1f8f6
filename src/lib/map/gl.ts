// The few WebGL2 chores the atlas's custom layers share: compile and link a program, upload
// columns of numbers as points, and turn a palette colour into the four floats a uniform takes.
import type { TimeMode } from '../time/window.ts';

/** The uniforms of the time rule, which PointProgram.bind sets. */
export type TimeUniform = 'u_matrix' | 'u_t' | 'u_window' | 'u_cumulative';

function compile(gl: WebGL2RenderingContext, type: number, source: string, name: string): WebGLShader {
  const shader = gl.createShader(type)!;
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) throw new Error(`${name} shader: ${gl.getShaderInfoLog(shader)}`);
  return shader;
}

/** A linked program and the locations of the uniforms it names. */
export function linkProgram<U extends string>(
  gl: WebGL2RenderingContext,
  name: string,
  sources: { vertex: string; fragment: string },
  uniforms: readonly U[],
): { program: WebGLProgram; uniforms: Record<U, WebGLUniformLocation | null> } {
  const program = gl.createProgram()!;
  gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, sources.vertex, name));
  gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, sources.fragment, name));
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`${name} program: ${gl.getProgramInfoLog(program)}`);
  return { program, uniforms: Object.fromEntries(uniforms.map((u) => [u, gl.getUniformLocation(program, u)])) as Record<U, WebGLUniformLocation | null> };
}

/** '#b3261e' and an alpha → [r, g, b, a], each 0..1. */
export const rgba = (hex: string, alpha: number): [number, number, number, number] =>
  [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).concat(alpha) as [number, number, number, number];

/**
 * A point layer's GPU side: its linked program, and one vertex array of float columns interleaved
 * into one buffer. `attributes` names each attribute and how many consecutive columns it takes.
 */
export class PointProgram<U extends string> {
  readonly program: WebGLProgram;
  readonly uniforms: Record<U, WebGLUniformLocation | null>;
  private readonly vao: WebGLVertexArrayObject;
  private readonly buffer: WebGLBuffer;

  constructor(
    private readonly gl: WebGL2RenderingContext,
    name: string,
    sources: { vertex: string; fragment: string },
    uniforms: readonly U[],
    private readonly attributes: readonly (readonly [name: string, size: number])[],
  ) {
    const linked = linkProgram(gl, name, sources, uniforms);
    this.program = linked.program;
    this.uniforms = linked.uniforms;
    this.vao = gl.createVertexArray()!;
    this.buffer = gl.createBuffer()!;
  }

  /** The first `count` values of each column, interleaved and uploaded once (STATIC_DRAW). */
  upload(columns: readonly ArrayLike<number>[], count: number): void {
    const { gl } = this;
    const k = columns.length;
    const data = new Float32Array(count * k);
    for (let i = 0; i < count; i++) for (let c = 0; c < k; c++) data[i * k + c] = columns[c][i];
    gl.bindVertexArray(this.vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.buffer);
    gl.bufferData(gl.ARRAY_BUFFER, data, gl.STATIC_DRAW);
    let offset = 0;
    for (const [name, size] of this.attributes) {
      const location = gl.getAttribLocation(this.program, name);
      gl.enableVertexAttribArray(location);
      gl.vertexAttribPointer(location, size, gl.FLOAT, false, k * 4, offset);
      offset += size * 4;
    }
    gl.bindVertexArray(null);
  }

  /**
   * Uses the program and its vertex array, with the uniforms every time-filtered point layer has:
   * the map's matrix and the clock (time-points-layer.ts visibleGlsl reads them). Draw, then unbind.
   */
  bind(this: PointProgram<U | TimeUniform>, matrix: Float32Array, clock: { t: number; mode: TimeMode; windowDays: number }): void {
    const { gl, uniforms: u } = this;
    gl.useProgram(this.program);
    gl.uniformMatrix4fv(u.u_matrix, false, matrix);
    gl.uniform1f(u.u_t, clock.t);
    gl.uniform1f(u.u_window, clock.windowDays);
    gl.uniform1f(u.u_cumulative, clock.mode === 'cumulative' ? 1 : 0);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.bindVertexArray(this.vao);
  }

  unbind(): void {
    this.gl.bindVertexArray(null);
  }

  delete(): void {
    this.gl.deleteBuffer(this.buffer);
    this.gl.deleteVertexArray(this.vao);
    this.gl.deleteProgram(this.program);
  }
}

/**
 * Whether this context can count into a float texture (WebGL2's EXT_color_buffer_float), as the
 * density layer does: asked before its code is loaded (density-layer.ts loads on first use).
 */
export const canDrawDensity = (gl: WebGL2RenderingContext | null): boolean => !!gl?.getExtension('EXT_color_buffer_float');
