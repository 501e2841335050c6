// The fonts and text drawing of the statement PDF, tuned for a run of hundreds of documents: the
// fonts parsed once per process, words shaped once, glyph outlines decoded once, and single-line
// cells written as one content operation. These reach into pdfkit 0.20 and fontkit 2.0 (pinned to
// those minors); where their internals differ, each falls back to the public path (ADR 0008).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

export type TPdf = PDFKit.PDFDocument;
type TFontSource = PDFKit.Mixins.PDFFontSource;
type TFonts = { regular: TFontSource; bold: TFontSource };

// The names are DejaVu's PostScript names, so the document's default font (the parsed regular
// face) and the registered one are the same pdfkit font object.
export const REGULAR = 'DejaVuSans';
export const BOLD = 'DejaVuSans-Bold';

const require = createRequire(import.meta.url);
let fontsLoading: Promise<TFonts> | undefined;

// Read and parsed once per process: parsing DejaVu's tables took ~40 ms of every render when pdfkit
// got the bytes. Documents share the parsed font; each keeps its own subset.
export function loadFonts(): Promise<TFonts> {
  fontsLoading ??= Promise.all([
    parseFont('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    parseFont('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  ]).then(
    ([regular, bold]) => ({ regular, bold }),
    (error: unknown) => {
      fontsLoading = undefined;
      throw error;
    },
  );
  return fontsLoading;
}

async function parseFont(file: string): Promise<TFontSource> {
  const font = fontkit.create(await readFile(require.resolve(file)));
  if (!('layout' in font)) throw new Error(`${file} is a font collection, not a font`);
  // pdfkit writes the text layer (ToUnicode) from the code points fontkit caches per glyph. A glyph
  // first met as a component of another (O in Ö, while a subset is written) is cached without them,
  // so a later document's "O" would copy out as garbage: cache every glyph with its code point now.
  for (const codePoint of font.characterSet) remember(font.glyphForCodePoint(codePoint));
  // pdfkit ≥ 0.20 takes a parsed fontkit font (PDFFontFactory.open); @types/pdfkit lags behind.
  return font as unknown as TFontSource;
}

// fontkit's subsetter decodes every glyph's outline again for each document it embeds the glyph in,
// only to see whether it is a composite (a third of a statement's render). The outline of a static
// font never changes, so each glyph decodes once per process. fontkit 2.0 keeps `_decode` on the
// glyph; where that changes, this leaves the glyph as it is.
function remember(glyph: fontkit.Glyph): void {
  const decodable = glyph as unknown as { _decode?: () => unknown };
  const decode = decodable._decode;
  if (typeof decode !== 'function') return;
  let decoded: { value: unknown } | undefined;
  decodable._decode = function rememberedDecode(this: unknown) {
    decoded ??= { value: decode.call(this) };
    return decoded.value;
  };
}

// Shaping a word with fontkit is the dearest part of a render, and pdfkit caches it per document:
// one word cache per font for the whole process lets 600 statements shape "Sparkasse" once. The
// shaped runs are read-only to pdfkit (each document keeps its own subset, widths and ToUnicode).
// pdfkit keeps the cache on its font object (`_font`, 0.20); where that changes, each document
// simply keeps its own cache again. Bounded, since case numbers and names are words too.
const LAYOUT_CACHE_WORDS = 5_000;
const sharedLayouts = new Map<string, { words: Record<string, unknown>; uses: number }>();

export function shareLayouts(pdf: TPdf, font: string): void {
  pdf.font(font);
  const embedded = (pdf as unknown as { _font?: { layoutCache?: unknown } })._font;
  if (!embedded || typeof embedded.layoutCache !== 'object' || embedded.layoutCache === null) return;
  let shared = sharedLayouts.get(font);
  // Counting the words of a large cache costs time of its own: look every 64 documents.
  const full = (s: { words: object; uses: number }) =>
    s.uses % 64 === 0 && Object.keys(s.words).length > LAYOUT_CACHE_WORDS;
  if (!shared || full(shared)) {
    shared = { words: Object.create(null) as Record<string, unknown>, uses: 0 };
    sharedLayouts.set(font, shared);
  }
  shared.uses += 1;
  embedded.layoutCache = shared.words;
}

// pdfkit's own font and page objects, as far as drawLine uses them (pdfkit 0.20).
type TGlyphPosition = {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
};
type TPdfInternals = {
  _font?: {
    id: string;
    ascender: number;
    encode?: (text: string) => [string[], TGlyphPosition[]];
    ref: () => unknown;
  };
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
};

// One line of text at (x, y), top-left, in the current font, size and colour: what
// `pdf.text(text, x, y, { lineBreak: false })` writes, as one content operation. pdfkit measures,
// wraps and positions every call three times over, which made the table cells half of a render.
// Text with glyphs placed off their advance (combining marks) goes through pdfkit as before.
export function drawLine(pdf: TPdf, text: string, x: number, y: number): void {
  const { _font: font, _fontSize: size, page } = pdf as unknown as TPdfInternals;
  const encoded = typeof font?.encode === 'function' ? font.encode(text) : null;
  if (!font || !encoded || encoded[1].some((p) => p.xOffset || p.yOffset)) {
    pdf.text(text, x, y, { lineBreak: false });
    return;
  }
  const [glyphs, positions] = encoded;
  if (glyphs.length === 0) return;
  page.fonts[font.id] ??= font.ref();
  // Runs of glyphs, each followed by its kerning (pdfkit's TJ array).
  const runs: string[] = [];
  let start = 0;
  positions.forEach((p, i) => {
    const kern = p.xAdvance - p.advanceWidth;
    if (kern === 0 && i < positions.length - 1) return;
    runs.push(`<${glyphs.slice(start, i + 1).join('')}> ${pdfNumber(-kern)}`);
    start = i + 1;
  });
  const baseline = page.height - y - (font.ascender / 1000) * size;
  pdf.addContent(
    `q\n1 0 0 -1 0 ${pdfNumber(page.height)} cm\nBT\n1 0 0 1 ${pdfNumber(x)} ${pdfNumber(baseline)} Tm\n` +
      `/${font.id} ${pdfNumber(size)} Tf\n[${runs.join(' ')}] TJ\nET\nQ`,
  );
}

// As pdfkit writes numbers into content streams.
function pdfNumber(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
