// The figure fonts fetched from the app's own origin: Vite copies the files into the build and
// gives their URLs. The list repeats faceFiles' order, because imports take literal paths only.
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff?url';
import latin600 from '@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff?url';
import latinExt600 from '@fontsource/noto-sans/files/noto-sans-latin-ext-600-normal.woff?url';
import arabic400 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff?url';
import { FigureFonts } from './fonts.ts';

const urls = [latin400, latin600, latinExt400, latinExt600, arabic400];
let loading: Promise<FigureFonts> | null = null;

export function loadFigureFonts(): Promise<FigureFonts> {
  loading ??= Promise.all(
    urls.map(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`Could not load the figure font ${url} (HTTP ${response.status}).`);
      return new Uint8Array(await response.arrayBuffer());
    }),
  ).then((bytes) => FigureFonts.fromBytes(bytes));
  return loading;
}
