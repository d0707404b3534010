/** One HTTP/1.1 answer read off a connection. */
export interface HttpResponse {
  status: number;
  body: Buffer;
  /** The connection may carry the next request (no `Connection: close`, not HTTP/1.0). */
  keepAlive: boolean;
}

/** Longest head accepted (status line and headers). */
const MAX_HEAD_BYTES = 64 * 1024;

/**
 * The answer in the bytes received so far on a connection (`chunks`, joined in place), or null
 * while it is incomplete. Reads what Meilisearch sends: a `Content-Length` or a chunked body
 * (no trailers expected, but skipped), or none for 204/304; interim 1xx answers are skipped.
 * Pure apart from joining `chunks`.
 *
 * @throws {Error} on bytes that are not an HTTP/1.x answer, or an answer framed otherwise
 *   (the caller closes the connection).
 */
export function readHttpResponse(chunks: Buffer[]): HttpResponse | null {
  if (chunks.length > 1) chunks.splice(0, chunks.length, Buffer.concat(chunks));
  const data = chunks[0];
  if (!data) return null;
  let start = 0;
  for (;;) {
    const end = data.indexOf('\r\n\r\n', start, 'latin1');
    if (end < 0) {
      if (data.length - start > MAX_HEAD_BYTES) throw new Error(`an answer head over ${MAX_HEAD_BYTES} bytes`);
      return null;
    }
    const lines = data.toString('latin1', start, end).split('\r\n');
    const statusLine = /^HTTP\/1\.([01]) (\d{3})/.exec(lines[0] ?? '');
    if (!statusLine) throw new Error(`not an HTTP/1.x answer: ${JSON.stringify((lines[0] ?? '').slice(0, 60))}`);
    const status = Number(statusLine[2]);
    const bodyStart = end + 4;
    if (status >= 100 && status < 200) {
      start = bodyStart;
      continue;
    }
    let length = -1;
    let chunked = false;
    let keepAlive = statusLine[1] === '1';
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim().toLowerCase();
      if (name === 'content-length') length = Number(value);
      else if (name === 'transfer-encoding') chunked = value.split(',').map((v) => v.trim()).includes('chunked');
      else if (name === 'connection') keepAlive = value.split(',').map((v) => v.trim()).includes('close') ? false : value.includes('keep-alive') || keepAlive;
    }
    if (chunked) {
      const body = readChunkedBody(data, bodyStart);
      return body && { status, body, keepAlive };
    }
    if (length >= 0 && Number.isSafeInteger(length)) {
      if (data.length < bodyStart + length) return null;
      return { status, body: data.subarray(bodyStart, bodyStart + length), keepAlive };
    }
    if (status === 204 || status === 304) return { status, body: Buffer.alloc(0), keepAlive };
    throw new Error(`an answer (${status}) without Content-Length or a chunked body`);
  }
}

/** A chunked body from `start`, or null while incomplete. */
function readChunkedBody(data: Buffer, start: number): Buffer | null {
  const parts: Buffer[] = [];
  let at = start;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at, 'latin1');
    if (lineEnd < 0) return null;
    const sizeText = data.toString('latin1', at, lineEnd).split(';')[0]!.trim();
    if (!/^[0-9a-fA-F]{1,8}$/.test(sizeText)) throw new Error(`a bad chunk size ${JSON.stringify(sizeText.slice(0, 20))}`);
    const size = parseInt(sizeText, 16);
    if (size === 0) {
      // trailers, if any, end with an empty line
      const trailerEnd = data.indexOf('\r\n', lineEnd + 2, 'latin1') === lineEnd + 2 ? lineEnd + 4 : data.indexOf('\r\n\r\n', lineEnd, 'latin1');
      if (trailerEnd < 0) return null;
      return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
    }
    const chunkStart = lineEnd + 2;
    if (data.length < chunkStart + size + 2) return null;
    parts.push(data.subarray(chunkStart, chunkStart + size));
    at = chunkStart + size + 2;
  }
}
