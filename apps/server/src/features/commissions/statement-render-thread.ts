// Inside a render thread: renders what the pool sends and sends the bytes back (transferred, not
// copied). Errors go back as messages; the thread lives on for the next document.
import { parentPort } from 'node:worker_threads';
import { renderStatementPdf } from './statement-pdf';
import type { TRenderReply, TRenderRequest } from './statement-render';
import { renderStatementSheet } from './statement-sheet';

const port = parentPort;
if (!port) throw new Error('statement-render-thread runs in a worker thread');

port.on('message', (request: TRenderRequest) => {
  const render = request.format === 'pdf' ? renderStatementPdf : renderStatementSheet;
  render(request.doc).then(
    (bytes) => {
      // A fresh buffer of its own, so transferring it takes nothing from Node's shared buffer pool.
      const own = new Uint8Array(bytes);
      port.postMessage({ id: request.id, bytes: own } satisfies TRenderReply, [own.buffer]);
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      port.postMessage({ id: request.id, error: message } satisfies TRenderReply);
    },
  );
});

// Loaded: from here on a failure is a render's, not the thread's.
port.postMessage({ ready: true } satisfies TRenderReply);
