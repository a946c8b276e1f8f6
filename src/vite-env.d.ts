/// <reference types="svelte" />
/// <reference types="vite/client" />
// The atlas's data, from src/build/shipped-atlas.ts.
declare module 'virtual:shipped-atlas' {
  export function loadShipped(): Promise<import('./shipped.ts').Shipped>;
}
