// The shipped events, drawn by a MapLibre custom layer that filters and fades them by time on the
// GPU (issue 16). MapLibre's own filter, read from global state, made every slider step re-tile
// the events source in the worker: a step cost twice a repaint. Here a step changes three
// uniforms. The marks are the style's (event-marks.ts): a filled halo for an event dated to the
// day, an open ring for a month, a year or a span, faded by the share of its span in view, the
// radius following the zoom; the events at the place under the pointer get a heavier ring, and
// the selected place's are drawn last, on top.
import type * as maplibregl from 'maplibre-gl';
import { isVisible, shareInView, type TimeMode } from '../time/window.ts';
import type { EventColumns } from './event-columns.ts';
import { PointProgram, rgba } from './gl.ts';
import { mercatorUnit } from '../look/mercator.ts';
import { pickNearest } from './pick.ts';
import { eventMark } from '../look/event-marks.ts';
import { fade } from '../look/fade.ts';
import { widthAt } from '../look/sizes.ts';
import { visibleGlsl } from './time-points-layer.ts';

/**
 * time/window.ts shareInView in GLSL, for an event that is visible: the days of its span inside
 * the view over the days of its span. time-rules.test.ts evaluates this very text against it.
 */
export const shareGlsl = '(min(a_days.y, u_t) - (u_cumulative > 0.5 ? a_days.x : max(a_days.x, u_t - u_window)) + 1.0) / (a_days.y - a_days.x + 1.0)';

/** A number as a GLSL float literal. */
const f = (n: number) => (Number.isInteger(n) ? `${n}.0` : String(n));

const vertexSource = `#version 300 es
uniform mat4 u_matrix;
uniform float u_t;
uniform float u_window;
uniform float u_cumulative;
uniform float u_radius;
uniform float u_pixelRatio;
uniform float u_hover;
in vec2 a_pos;
in vec2 a_days;
in vec2 a_style;
out float v_uncertain;
out float v_strokeOpacity;
out float v_stroke;
out float v_half;
void main() {
  bool visible = ${visibleGlsl};
  v_uncertain = a_style.x;
  v_strokeOpacity = ${f(fade.floor)} + ${f(fade.full - fade.floor)} * ${shareGlsl};
  v_stroke = (a_style.x > 0.5 ? ${f(eventMark.strokeWidth.uncertain)} : ${f(eventMark.strokeWidth.day)})
    + (abs(a_style.y - u_hover) < 0.5 ? ${f(eventMark.hoverWidth)} : 0.0);
  // Half the point's side in CSS pixels: the ring outside the radius, and a pixel to antialias.
  v_half = u_radius + v_stroke + 1.0;
  gl_Position = visible ? u_matrix * vec4(a_pos, 0.0, 1.0) : vec4(2.0, 2.0, 2.0, 1.0);
  gl_PointSize = visible ? 2.0 * v_half * u_pixelRatio : 0.0;
}`;

const fragmentSource = `#version 300 es
// highp: a uniform both shaders read (u_radius) must have the same precision in each, or the program does not link.
precision highp float;
uniform vec4 u_colour;
uniform float u_radius;
in float v_uncertain;
in float v_strokeOpacity;
in float v_stroke;
in float v_half;
out vec4 fragColour;
void main() {
  float d = length(gl_PointCoord * 2.0 - 1.0) * v_half;
  float outside = smoothstep(u_radius - 0.5, u_radius + 0.5, d);
  float ring = outside * (1.0 - smoothstep(u_radius + v_stroke - 0.5, u_radius + v_stroke + 0.5, d));
  float a = (1.0 - outside) * (v_uncertain > 0.5 ? ${f(eventMark.fillOpacity.uncertain)} : ${f(eventMark.fillOpacity.day)}) + ring * v_strokeOpacity;
  if (a <= 0.0) discard;
  fragColour = vec4(u_colour.rgb * a, a);
}`;

const uniformNames = ['u_matrix', 'u_t', 'u_window', 'u_cumulative', 'u_radius', 'u_pixelRatio', 'u_hover', 'u_colour'] as const;

export interface Clock {
  t: number;
  mode: TimeMode;
  windowDays: number;
}

/** What the layer shows of an event, as its shader computes it (for tests and the pointer). */
export interface ShownEvent {
  id: string;
  placeId: string;
  uncertain: boolean;
  strokeOpacity: number;
}

export class EventRingsLayer implements maplibregl.CustomLayerInterface {
  readonly type = 'custom';
  readonly renderingMode = '2d';
  private gpu: PointProgram<(typeof uniformNames)[number]> | null = null;
  private map: maplibregl.Map | null = null;
  private hover = -1;
  private selected = -1;

  constructor(
    readonly id: string,
    private events: EventColumns,
    private clock: Clock,
    private colour: string,
  ) {}

  onAdd(map: maplibregl.Map, gl: WebGLRenderingContext | WebGL2RenderingContext): void {
    this.map = map;
    this.gpu = new PointProgram(gl as WebGL2RenderingContext, 'event-rings', { vertex: vertexSource, fragment: fragmentSource }, uniformNames, [
      ['a_pos', 2],
      ['a_days', 2],
      ['a_style', 2],
    ]);
    this.upload();
  }

  /** Interleaved x, y, t0, t1, uncertain, place: 24 bytes an event, uploaded once per set. */
  private upload() {
    const { count, x, y, t0, t1, uncertain, place } = this.events;
    this.gpu?.upload([x, y, t0, t1, uncertain, place], count);
  }

  /** A new set (the text or tag filters changed): the selection and pointer are kept by place. */
  setEvents(events: EventColumns): void {
    const [hover, selected] = [this.events.placeIds[this.hover], this.events.placeIds[this.selected]];
    this.events = events;
    this.hover = events.placeIds.indexOf(hover);
    this.selected = events.placeIds.indexOf(selected);
    this.upload();
    this.map?.triggerRepaint();
  }

  /** One slider step: three numbers, then a repaint. */
  setClock(clock: Clock): void {
    this.clock = { ...clock };
    this.map?.triggerRepaint();
  }

  /** The place under the pointer (its events' rings drawn heavier), or null. */
  setHover(placeId: string | null): void {
    const index = placeId ? this.events.placeIds.indexOf(placeId) : -1;
    if (index === this.hover) return;
    this.hover = index;
    this.map?.triggerRepaint();
  }

  /** The selected place, whose events are drawn over any others. */
  setSelected(placeId: string | null): void {
    const index = placeId ? this.events.placeIds.indexOf(placeId) : -1;
    if (index === this.selected) return;
    this.selected = index;
    this.map?.triggerRepaint();
  }

  /** The radius at the map's zoom, in CSS pixels. */
  private radius(): number {
    return widthAt(eventMark.radius, this.map?.getZoom() ?? 6);
  }

  private shown = (i: number): boolean => isVisible({ t0: this.events.t0[i], t1: this.events.t1[i] }, this.clock.t, this.clock.mode, this.clock.windowDays);

  /** The place whose event ring is at (or nearest, within the ring's reach) a point on the map; null if none. */
  placeAt(at: { lng: number; lat: number }): string | null {
    if (!this.map || this.map.getLayoutProperty(this.id, 'visibility') === 'none') return null;
    const reach = this.radius() + eventMark.strokeWidth.uncertain + eventMark.hoverWidth;
    const i = pickNearest(this.events, ...mercatorUnit(at.lng, at.lat), reach / (512 * 2 ** this.map.getZoom()), this.shown);
    return i < 0 ? null : this.events.placeIds[this.events.place[i]];
  }

  /** The events drawn now, with the opacity of their rings: what the shader computes, in JavaScript. */
  shownEvents(): ShownEvent[] {
    const { t, mode, windowDays } = this.clock;
    const e = this.events;
    return e.ids.flatMap((id, i) =>
      this.shown(i)
        ? [
            {
              id,
              placeId: e.placeIds[e.place[i]],
              uncertain: e.uncertain[i] > 0.5,
              strokeOpacity: fade.floor + (fade.full - fade.floor) * shareInView({ t0: e.t0[i], t1: e.t1[i] }, t, mode, windowDays),
            },
          ]
        : [],
    );
  }

  /** Where an event is drawn, as a lng/lat. */
  positionOf(eventId: string): [number, number] | null {
    const i = this.events.ids.indexOf(eventId);
    return i < 0 ? null : this.events.lngLat[i];
  }

  render(gl: WebGLRenderingContext | WebGL2RenderingContext, args: maplibregl.CustomRenderMethodInput): void {
    const gl2 = gl as WebGL2RenderingContext;
    const gpu = this.gpu;
    if (!gpu || !this.events.count) return;
    gpu.bind(args.defaultProjectionData.mainMatrix as Float32Array, this.clock);
    const u = gpu.uniforms;
    gl2.uniform1f(u.u_radius, this.radius());
    gl2.uniform1f(u.u_pixelRatio, this.map?.getPixelRatio() ?? 1);
    gl2.uniform1f(u.u_hover, this.hover);
    gl2.uniform4fv(u.u_colour, rgba(this.colour, 1));
    // The selected place's events last, over whatever else is drawn where they are.
    const [first, count] = this.selected >= 0 ? this.events.ranges[this.selected] : [this.events.count, 0];
    if (first > 0) gl2.drawArrays(gl2.POINTS, 0, first);
    if (first + count < this.events.count) gl2.drawArrays(gl2.POINTS, first + count, this.events.count - first - count);
    if (count) gl2.drawArrays(gl2.POINTS, first, count);
    gpu.unbind();
  }

  onRemove(): void {
    this.gpu?.delete();
    this.gpu = null;
  }
}
