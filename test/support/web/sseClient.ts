import http from 'node:http';

export interface SseFrame {
  event: string;
  data: string;
  id: string;
}

/** A Server-Sent Events reader over a plain HTTP request: collects frames until closed. */
export function openSse(
  url: string,
): Promise<{ status: number; frames: SseFrame[]; body: () => string; close(): void; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      const frames: SseFrame[] = [];
      let buffer = '';
      let raw = '';
      res.setEncoding('utf8');
      const closed = new Promise<void>((done) => res.once('close', () => done()));
      res.on('data', (chunk: string) => {
        raw += chunk;
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const frame: SseFrame = { event: 'message', data: '', id: '' };
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('data: ')) data.push(line.slice(6));
            else if (line.startsWith('event: ')) frame.event = line.slice(7);
            else if (line.startsWith('id: ')) frame.id = line.slice(4);
          }
          if (data.length > 0) frames.push({ ...frame, data: data.join('\n') });
        }
      });
      resolve({ status: res.statusCode ?? 0, frames, body: () => raw, close: () => req.destroy(), closed });
    });
    req.on('error', reject);
  });
}

/** Polls until the condition holds (no fixed sleeps): fails with `what` after ms. */
export async function waitUntil(cond: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
