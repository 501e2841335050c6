import http from 'node:http';

export type TAnswer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A keep-alive agent that holds at most `sockets` connections to the server. */
export function keepAliveAgent(sockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
}

/** One HTTP request over `agent`; resolves with the whole answer. */
export function request(
  agent: http.Agent,
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<TAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'user-agent': 'kontor-bench', ...options.headers };
    if (options.body !== undefined) headers['content-length'] = String(Buffer.byteLength(options.body));
    const req = http.request(url, { agent, method: options.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.once('error', reject);
    });
    req.once('error', reject);
    req.end(options.body);
  });
}

/** Throws with the answer's status and the start of its body unless the status is `expected`. */
export function expectStatus(answer: TAnswer, expected: number, what: string): void {
  if (answer.status !== expected) {
    throw new Error(`${what}: expected ${expected}, got ${answer.status} ${answer.body.slice(0, 200)}`);
  }
}
