// The few WebGL2 chores the atlas's custom layers share: compile and link a program, and turn a
// palette colour into the four floats a uniform takes.

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
