// Requests to the sandbox's server. Every answer is JSON; a refusal is a problem-details object.
// Every request but a GET says Content-Type: application/json, body or not: the server answers such requests only when
// they say so (and come from this page's origin, which the browser adds), so that other sites cannot send them.

// A request that gets no answer, or an answer that is not JSON, comes back as a refusal with one sentence saying so:
// every caller shows one message and never a stack trace.
export async function send(method, url, body) {
  const options = { method, headers: {} };
  if (method !== 'GET') {
    options.headers['Content-Type'] = 'application/json';
  }
  if (body !== undefined) {
    options.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, options);
  } catch {
    return { ok: false, status: 0, data: { detail: 'The sandbox did not answer: is minitorch serve still running?' } };
  }
  const text = await response.text();
  try {
    return { ok: response.ok, status: response.status, data: text ? JSON.parse(text) : null };
  } catch {
    return { ok: false, status: response.status, data: { detail: `The sandbox answered ${response.status} with something other than JSON.` } };
  }
}

// One line for a refusal: the detail, which names the field and the allowed values.
export function problemText(data) {
  if (!data) return 'the server refused the request';
  return data.detail || data.title || 'the server refused the request';
}
