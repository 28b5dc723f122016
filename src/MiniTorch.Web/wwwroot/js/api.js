// Requests to the sandbox's server. Every answer is JSON; a refusal is a problem-details object.
// Every request but a GET says Content-Type: application/json, body or not: the server answers such requests only when
// they say so (and come from this page's origin, which the browser adds), so that other sites cannot send them.

export async function send(method, url, body) {
  const options = { method, headers: {} };
  if (method !== 'GET') {
    options.headers['Content-Type'] = 'application/json';
  }
  if (body !== undefined) {
    options.body = JSON.stringify(body);
  }
  try {
    const response = await fetch(url, options);
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    return { ok: response.ok, status: response.status, data };
  } catch {
    // No answer at all (the server stopped, or the network is down): status 0, in the shape of a refusal.
    return { ok: false, status: 0, data: { detail: 'the sandbox server does not answer; is minitorch serve still running?' } };
  }
}

// One line for a refusal: the detail, which names the field and the allowed values.
export function problemText(data) {
  if (!data) return 'the server refused the request';
  return data.detail || data.title || 'the server refused the request';
}
