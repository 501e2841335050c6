// Renders statements on more than one core: a few worker threads, each with its own pdfkit and
// fonts, and the calling thread itself whenever every thread is busy. So two mails at once keep two
// cores rendering, and nothing ever waits in a queue. A thread that has had nothing to do for a while
// ends, giving its memory back; the next document starts it again (ADR 0007).
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { TStatementDocument } from './statement-document';
import { renderStatementPdf } from './statement-pdf';
import { renderStatementSheet } from './statement-sheet';

export type TStatementFormat = 'pdf' | 'xlsx';
export type TRenderRequest = { id: number; format: TStatementFormat; doc: TStatementDocument };
export type TRenderReply =
  | { id: number; bytes: Uint8Array }
  | { id: number; error: string }
  | { ready: true };

export type TStatementRenderer = {
  render: (doc: TStatementDocument, format: TStatementFormat) => Promise<Buffer>;
  close: () => Promise<void>;
  /** Render threads started and not yet ended. */
  threadsRunning: () => number;
};

type TPending = { resolve: (bytes: Buffer) => void; reject: (error: Error) => void };
// ready: its modules and fonts loaded (an entry that cannot load fails before).
type TThread = { worker: Worker; ready: boolean; busy: boolean; pending: Map<number, TPending> };

const ENTRY = new URL('./statement-render-worker.mjs', import.meta.url);

export function renderInline(doc: TStatementDocument, format: TStatementFormat): Promise<Buffer> {
  return format === 'pdf' ? renderStatementPdf(doc) : renderStatementSheet(doc);
}

// A render on this thread runs on promises alone, so back-to-back renders would never let the event
// loop deliver a thread's finished document: give it a turn first.
function inlineAfterYield(doc: TStatementDocument, format: TStatementFormat): Promise<Buffer> {
  return new Promise<void>((resolve) => setImmediate(resolve)).then(() => renderInline(doc, format));
}

/**
 * `threads` worker threads (0: render on the calling thread only). A thread that cannot start at
 * all (its loader missing, say) turns the pool off with a warning: statements still render, inline.
 */
export function createStatementRenderer(
  options: { threads: number; idleMs?: number; entry?: URL },
  logger?: Logger,
): TStatementRenderer {
  const idleMs = options.idleMs ?? 30_000;
  let threads = Math.max(0, options.threads);
  const running = new Set<TThread>();
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | undefined;

  const stopAll = () => Promise.all([...running].map((t) => t.worker.terminate())).then(() => undefined);

  // Every thread ends once none has had work for idleMs.
  const touch = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if ([...running].every((t) => !t.busy)) void stopAll();
    }, idleMs);
    idleTimer.unref();
  };

  const start = (): TThread => {
    const worker = new Worker(options.entry ?? ENTRY);
    // A render thread never keeps the process alive on its own.
    worker.unref();
    const thread: TThread = { worker, ready: false, busy: false, pending: new Map() };
    const fail = (error: Error) => {
      running.delete(thread);
      for (const p of thread.pending.values()) p.reject(error);
      thread.pending.clear();
    };
    worker.on('message', (reply: TRenderReply) => {
      if ('ready' in reply) {
        thread.ready = true;
        return;
      }
      const pending = thread.pending.get(reply.id);
      thread.pending.delete(reply.id);
      if ('error' in reply) pending?.reject(new Error(reply.error));
      else pending?.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
    });
    worker.on('error', (error) => {
      if (!thread.ready) {
        threads = 0;
        logger?.warn({ err: error }, 'statement render threads unavailable: rendering on the main thread');
      }
      fail(error);
    });
    worker.on('exit', () => fail(new Error('the statement render thread ended')));
    running.add(thread);
    return thread;
  };

  const onThread = (thread: TThread, doc: TStatementDocument, format: TStatementFormat) => {
    const id = nextId++;
    thread.busy = true;
    return new Promise<Buffer>((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      thread.worker.postMessage({ id, format, doc } satisfies TRenderRequest);
    }).finally(() => {
      thread.busy = false;
      touch();
    });
  };

  return {
    render: (doc, format) => {
      const idle = [...running].find((t) => !t.busy);
      if (idle) return onThread(idle, doc, format);
      if (running.size < threads) {
        const thread = start();
        // A thread that could not start leaves this document to the calling thread.
        return onThread(thread, doc, format).catch((error: unknown) =>
          thread.ready ? Promise.reject(error) : renderInline(doc, format),
        );
      }
      return inlineAfterYield(doc, format);
    },
    threadsRunning: () => running.size,
    close: () => {
      clearTimeout(idleTimer);
      threads = 0;
      return stopAll();
    },
  };
}
