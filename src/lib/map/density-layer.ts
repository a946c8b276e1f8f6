// A dense set of a reader's events drawn as density (style/density.ts) by a MapLibre custom layer,
// on the GPU in two passes. Before the map's frame (prerender), every event the clock shows is
// drawn as one pixel, added up, into a small float texture with one texel per square cell of the
// screen: the texel holds the cell's count. Then (render) one triangle over the map colours each
// cell by its count's class. A slider step still changes three uniforms; nothing is counted on
// the CPU. The cells are squares of the screen, so they stay put as the map pans under them.
import type * as maplibregl from 'maplibre-gl';
import type { TimeMode } from '../time/window.ts';
import { linkProgram, PointProgram, rgba } from './gl.ts';
import { visibleGlsl, type TimePoints } from './time-points-layer.ts';
import { densityClasses, SCREEN_CELL_PX } from '../look/density.ts';

const countVertex = `#version 300 es
uniform mat4 u_matrix;
uniform float u_t;
uniform float u_window;
uniform float u_cumulative;
// The screen's size over the grid's, in cells: the grid has whole cells, the screen need not.
uniform vec2 u_scale;
in vec2 a_pos;
in vec2 a_days;
void main() {
  bool visible = ${visibleGlsl};
  vec4 p = u_matrix * vec4(a_pos, 0.0, 1.0);
  // Clip space of the screen → clip space of the grid, so a point falls in the texel of its cell.
  vec2 grid = (p.xy / p.w + 1.0) * u_scale - 1.0;
  gl_Position = visible ? vec4(grid, 0.0, 1.0) : vec4(2.0, 2.0, 2.0, 1.0);
  gl_PointSize = 1.0;
}`;

// highp as in every layer: a uniform shared by both stages must have one precision.
const countFragment = `#version 300 es
precision highp float;
out vec4 count;
void main() { count = vec4(1.0, 0.0, 0.0, 1.0); }`;

const classes = densityClasses.length;

const colourVertex = `#version 300 es
void main() {
  // One triangle that covers the screen.
  vec2 corner = vec2(gl_VertexID == 1 ? 3.0 : -1.0, gl_VertexID == 2 ? 3.0 : -1.0);
  gl_Position = vec4(corner, 0.0, 1.0);
}`;

const colourFragment = `#version 300 es
precision highp float;
uniform highp sampler2D u_counts;
uniform float u_cell;
uniform float u_from[${classes}];
uniform vec4 u_colours[${classes}];
out vec4 colour;
void main() {
  float n = texelFetch(u_counts, ivec2(gl_FragCoord.xy / u_cell), 0).r;
  if (n < 0.5) discard;
  vec4 c = u_colours[0];
  for (int i = 1; i < ${classes}; i++) if (n >= u_from[i] - 0.5) c = u_colours[i];
  colour = vec4(c.rgb * c.a, c.a);
}`;

/** Each class's lower bound, as the colouring shader takes them: fixed, so made once. */
const classFloors = new Float32Array(densityClasses.map((c) => c.from));

const countUniforms = ['u_matrix', 'u_t', 'u_window', 'u_cumulative', 'u_scale'] as const;
const colourUniforms = ['u_counts', 'u_cell', 'u_from', 'u_colours'] as const;

export class DensityLayer implements maplibregl.CustomLayerInterface {
  readonly type = 'custom';
  readonly renderingMode = '2d';
  private count: PointProgram<(typeof countUniforms)[number]> | null = null;
  private colour: ReturnType<typeof linkProgram<(typeof colourUniforms)[number]>> | null = null;
  private grid: { texture: WebGLTexture; framebuffer: WebGLFramebuffer; width: number; height: number } | null = null;
  private vao: WebGLVertexArrayObject | null = null;
  private n = 0;
  private clock = { t: 0, mode: 'window' as TimeMode, windowDays: 90 };
  private map: maplibregl.Map | null = null;
  /**
   * What the count texture was last counted for (the clock, the camera's matrix, the screen): a
   * frame with the same (another layer's tiles or labels arriving, a hover) draws from the texture
   * as it is. Counting 2,000,000 events is most of a repaint in software WebGL (about 400 of 570
   * ms), and a step that changes a lead draws a second frame when the labels naming the leads are
   * laid out again: only the first has a new clock.
   */
  private counted = '';
  /** The classes' colours at the layer's opacity, four floats each. */
  private readonly colours: Float32Array;

  constructor(
    readonly id: string,
    private points: TimePoints,
    opacity = 0.85,
  ) {
    this.colours = new Float32Array(densityClasses.flatMap((c) => rgba(c.colour, opacity)));
  }

  onAdd(map: maplibregl.Map, gl: WebGLRenderingContext | WebGL2RenderingContext): void {
    const gl2 = gl as WebGL2RenderingContext;
    this.map = map;
    // Enabling the extension is what allows a half-float texture to be drawn into.
    gl2.getExtension('EXT_color_buffer_float');
    this.count = new PointProgram(gl2, 'density-count', { vertex: countVertex, fragment: countFragment }, countUniforms, [
      ['a_pos', 2],
      ['a_days', 2],
    ]);
    this.colour = linkProgram(gl2, 'density-colour', { vertex: colourVertex, fragment: colourFragment }, colourUniforms);
    // The triangle needs no attributes, but a vertex array must be bound to draw.
    this.vao = gl2.createVertexArray();
    const { count, x, y, t0, t1 } = this.points;
    this.count.upload([x, y, t0, t1], count);
    this.n = count;
  }

  /** One slider step: three numbers, then a repaint. */
  setClock(clock: { t: number; mode: TimeMode; windowDays: number }): void {
    this.clock = { ...clock };
    this.map?.triggerRepaint();
  }

  /** Counts again at the next frame, even if nothing it counts for has changed (npm run bench's repaint). */
  recount(): void {
    this.counted = '';
    this.map?.triggerRepaint();
  }

  /** The count texture, one texel per cell of the screen, made again when the screen's size changes. */
  private gridFor(gl: WebGL2RenderingContext, width: number, height: number) {
    if (this.grid && this.grid.width === width && this.grid.height === height) return this.grid;
    if (this.grid) {
      gl.deleteTexture(this.grid.texture);
      gl.deleteFramebuffer(this.grid.framebuffer);
    }
    const texture = gl.createTexture()!;
    gl.bindTexture(gl.TEXTURE_2D, texture);
    // Half floats count exactly to 2,048 and on to 65,504: past the top class's 1,000.
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.R16F, width, height, 0, gl.RED, gl.HALF_FLOAT, null);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    const framebuffer = gl.createFramebuffer()!;
    gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, texture, 0);
    this.grid = { texture, framebuffer, width, height };
    return this.grid;
  }

  private cellPixels(): number {
    return SCREEN_CELL_PX * (this.map?.getPixelRatio() ?? 1);
  }

  prerender(gl: WebGLRenderingContext | WebGL2RenderingContext, args: maplibregl.CustomRenderMethodInput): void {
    const gl2 = gl as WebGL2RenderingContext;
    const count = this.count;
    if (!count || !this.n) return;
    const cell = this.cellPixels();
    const [w, h] = [gl2.drawingBufferWidth, gl2.drawingBufferHeight];
    const grid = this.gridFor(gl2, Math.ceil(w / cell), Math.ceil(h / cell));
    const matrix = args.defaultProjectionData.mainMatrix;
    const key = `${this.clock.t} ${this.clock.mode} ${this.clock.windowDays} ${w} ${h} ${cell} ${Array.prototype.join.call(matrix)}`;
    if (key === this.counted) return;
    this.counted = key;
    gl2.bindFramebuffer(gl2.FRAMEBUFFER, grid.framebuffer);
    gl2.viewport(0, 0, grid.width, grid.height);
    gl2.clearColor(0, 0, 0, 0);
    gl2.clear(gl2.COLOR_BUFFER_BIT);
    count.bind(matrix as Float32Array, this.clock);
    gl2.uniform2f(count.uniforms.u_scale, w / (cell * grid.width), h / (cell * grid.height));
    // Each event adds one to its cell.
    gl2.blendFunc(gl2.ONE, gl2.ONE);
    gl2.drawArrays(gl2.POINTS, 0, this.n);
    count.unbind();
    // MapLibre sets its own state again after a prerender (context.setDirty); the framebuffer and
    // viewport are put back here all the same, for the frame that follows.
    gl2.bindFramebuffer(gl2.FRAMEBUFFER, null);
    gl2.viewport(0, 0, w, h);
  }

  render(gl: WebGLRenderingContext | WebGL2RenderingContext): void {
    const gl2 = gl as WebGL2RenderingContext;
    const colour = this.colour;
    if (!colour || !this.grid || !this.n) return;
    gl2.useProgram(colour.program);
    gl2.activeTexture(gl2.TEXTURE0);
    gl2.bindTexture(gl2.TEXTURE_2D, this.grid.texture);
    gl2.uniform1i(colour.uniforms.u_counts, 0);
    gl2.uniform1f(colour.uniforms.u_cell, this.cellPixels());
    gl2.uniform1fv(colour.uniforms.u_from, classFloors);
    gl2.uniform4fv(colour.uniforms.u_colours, this.colours);
    gl2.enable(gl2.BLEND);
    gl2.blendFunc(gl2.ONE, gl2.ONE_MINUS_SRC_ALPHA);
    gl2.bindVertexArray(this.vao);
    gl2.drawArrays(gl2.TRIANGLES, 0, 3);
    gl2.bindVertexArray(null);
  }

  onRemove(_map: maplibregl.Map, gl: WebGLRenderingContext | WebGL2RenderingContext): void {
    const gl2 = gl as WebGL2RenderingContext;
    this.count?.delete();
    if (this.colour) gl2.deleteProgram(this.colour.program);
    if (this.grid) {
      gl2.deleteTexture(this.grid.texture);
      gl2.deleteFramebuffer(this.grid.framebuffer);
    }
    if (this.vao) gl2.deleteVertexArray(this.vao);
    [this.count, this.colour, this.grid, this.vao] = [null, null, null, null];
    this.counted = '';
  }
}
