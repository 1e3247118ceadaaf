import { Errors } from './http';
import type { UploadedFile } from './types';

export interface ParsedBody {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Discord payloads are free-form JSON, read as the API documents them
  body: any;
  files: UploadedFile[];
}

/** JSON or multipart/form-data (discord.js sends `payload_json` plus `files[n]` parts when attaching files). */
export function parseBody(raw: Buffer, contentType: string | undefined): ParsedBody {
  if (raw.length === 0) return { body: undefined, files: [] };
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) return parseMultipart(raw, contentType ?? '');
  if (type.startsWith('application/json')) return { body: parseJson(raw.toString('utf8')), files: [] };
  throw Errors.invalidJson();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Discord payloads are free-form JSON, read as the API documents them
function parseJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    throw Errors.invalidJson();
  }
}

function parseMultipart(raw: Buffer, contentType: string): ParsedBody {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!match) throw Errors.invalidJson();
  const delimiter = Buffer.from(`--${match[1] ?? match[2]}`);
  const files: UploadedFile[] = [];
  const fields: Record<string, string> = {};
  let pos = raw.indexOf(delimiter);
  while (pos !== -1) {
    const start = pos + delimiter.length;
    if (raw.subarray(start, start + 2).toString() === '--') break;
    const next = raw.indexOf(delimiter, start);
    if (next === -1) break;
    // Each part sits between "\r\n" after the delimiter and "\r\n" before the next one.
    const part = raw.subarray(start + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const data = part.subarray(headerEnd + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1] ?? '';
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      if (filename !== undefined) {
        const partType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? 'application/octet-stream';
        files.push({ field: name, filename, contentType: partType.trim(), size: data.length, data: Buffer.from(data) });
      } else {
        fields[name] = data.toString('utf8');
      }
    }
    pos = next;
  }
  const body = fields.payload_json !== undefined ? parseJson(fields.payload_json) : { ...fields };
  return { body, files };
}
