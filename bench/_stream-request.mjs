// Shared by the benches that open many streaming Messages requests (files starting with "_" are not run
// by `npm run bench`). node:http with a keep-alive agent rather than fetch, so the bench process's own
// cost stays small next to the servers'.
import { request as httpRequest } from "node:http";

/**
 * POSTs `body` (a JSON string) to `${baseUrl}/v1/messages` with `headers` over `agent`, and reads the
 * whole response. Resolves with its `status`, its `text`, and three times in milliseconds from the
 * call: `sentMs`, when the request was written to its open connection (after this process got to it,
 * and after the connection was made if it was new), `headersMs`, when the status line and headers
 * arrived, and `firstChunkMs`, when the first body chunk did (NaN when there was none). Rejects on a
 * network error.
 */
export function postMessages(baseUrl, { agent, headers, body }) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = httpRequest(`${baseUrl}/v1/messages`, {
      method: "POST",
      agent,
      headers: { ...headers, "content-length": Buffer.byteLength(body) },
    });
    let sentMs = Number.NaN;
    // node:http writes the request right after it hands the request its socket ("socket" event), or
    // once a new socket has connected.
    const noteSent = () => {
      sentMs = performance.now() - started;
    };
    request.on("socket", (socket) => {
      if (socket.connecting) socket.once("connect", noteSent);
      else noteSent();
    });
    request.on("error", reject);
    request.on("response", (response) => {
      const headersMs = performance.now() - started;
      let firstChunkMs = Number.NaN;
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => {
        if (text === "") firstChunkMs = performance.now() - started;
        text += chunk;
      });
      response.on("error", reject);
      response.on("end", () =>
        resolve({ status: response.statusCode, text, sentMs, headersMs, firstChunkMs }),
      );
    });
    request.end(body);
  });
}
