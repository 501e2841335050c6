import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Client, TTestApp } from './app';

// Real small files built from bytes, so that tests need no fixtures on disk.

/** A minimal valid PDF: one empty page, with a correct cross-reference table. */
export function minimalPdf(text = 'Kontor'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${text.length + 21} >>\nstream\nBT /F1 12 Tf (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A 1×1 PNG of one RGB colour. */
export function onePixelPng(rgb: [number, number, number] = [200, 30, 30]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, truecolour, no interlace
  const pixels = zlib.deflateSync(Buffer.from([0, ...rgb])); // filter byte, then the pixel
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', pixels),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A zip archive of stored (uncompressed) entries. */
export function storedZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.from(content, 'utf8');
    const fileName = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The smallest Word document: the parts a DOCX reader looks for, in a zip. */
export function minimalDocx(): Buffer {
  const ct = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
  return storedZip({
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${ct}"/></Types>`,
    'word/document.xml':
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Kontor</w:t></w:r></w:p></w:body></w:document>',
  });
}

/**
 * A stream of `total` bytes starting with a PDF header, made only as the reader pulls; `pulled()`
 * tells how many bytes the reader has asked for so far.
 */
export function pdfStream(total: number, chunk = 64 * 1024) {
  let produced = 0;
  const head = Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1');
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (produced >= total) return controller.close();
        const size = Math.min(chunk, total - produced);
        const bytes = Buffer.alloc(size, 0x20);
        if (produced === 0) head.copy(bytes);
        produced += size;
        controller.enqueue(bytes);
      },
      // Nothing is made before the reader asks for it.
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => produced };
}

/** Every file under a folder, as paths relative to it (none when the folder does not exist). */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/**
 * A small PDF sent in two parts: the first when the reader starts, the rest only after
 * `release()`; `started` resolves once the reader has begun (the upload is under way).
 */
export function gatedPdfStream() {
  const pdf = minimalPdf('gated');
  let begin: () => void = () => undefined;
  let open: () => void = () => undefined;
  const started = new Promise<void>((resolve) => {
    begin = resolve;
  });
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  let part = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        part += 1;
        if (part === 1) {
          controller.enqueue(pdf.subarray(0, 16));
          begin();
          return;
        }
        await gate;
        controller.enqueue(pdf.subarray(16));
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, started, release: open };
}

export type TBody = Buffer | ReadableStream<Uint8Array>;

/** Uploads a body as a document's next version, the way a browser or a script sends a raw file. */
export async function uploadVersion(
  t: TTestApp,
  c: Client,
  id: string,
  body: TBody,
  headers: Record<string, string> = {},
  query = '',
) {
  const res = await t.app.request(`/api/v1/documents/${id}/versions${query}`, {
    method: 'POST',
    headers: {
      cookie: c.cookie,
      'x-csrf-token': c.csrf,
      'content-type': 'application/octet-stream',
      ...headers,
    },
    body,
    duplex: 'half',
  } as RequestInit);
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers of every shape
  const answer: any = await res.json();
  return { status: res.status, body: answer };
}

/** Downloads a version: the response (for its headers) and its bytes. */
export async function downloadVersion(
  t: TTestApp,
  c: Client,
  id: string,
  version: number,
  headers: Record<string, string> = {},
) {
  const res = await t.app.request(`/api/v1/documents/${id}/versions/${version}/content`, {
    headers: { cookie: c.cookie, ...headers },
  });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}
