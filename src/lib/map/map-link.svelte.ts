// The map as the rest of the page reaches it (issue 38): a handle, set by MapView once the map is
// made, that forwards each call to it. Before the map exists, or after it has gone, a call does
// nothing (or answers "nothing yet"), so a panel never needs to know whether the map is there.
import { createContext } from 'svelte';

/** What MapView offers the page. */
export interface MapCalls {
  flyTo(center: [number, number], zoom: number): void;
  fitBounds(box: [number, number, number, number]): void;
  bounds(): [number, number, number, number] | null;
  camera(): [number, number, number] | null;
  settled(): Promise<void>;
  pickPoint(): Promise<[number, number] | null>;
  cancelPoint(): void;
  densityAvailable(): boolean;
}

export class MapLink implements MapCalls {
  /** The map component, bound by the layout (bind:this). */
  current = $state.raw<MapCalls | undefined>(undefined);

  flyTo(center: [number, number], zoom: number): void {
    this.current?.flyTo(center, zoom);
  }
  fitBounds(box: [number, number, number, number]): void {
    this.current?.fitBounds(box);
  }
  bounds(): [number, number, number, number] | null {
    return this.current?.bounds() ?? null;
  }
  camera(): [number, number, number] | null {
    return this.current?.camera() ?? null;
  }
  settled(): Promise<void> {
    return this.current?.settled() ?? Promise.resolve();
  }
  pickPoint(): Promise<[number, number] | null> {
    return this.current?.pickPoint() ?? Promise.resolve(null);
  }
  cancelPoint(): void {
    this.current?.cancelPoint();
  }
  densityAvailable(): boolean {
    return this.current?.densityAvailable() ?? false;
  }
}

export const [getMapLink, setMapLink] = createContext<MapLink>();
