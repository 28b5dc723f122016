// Requests to the sandbox's server. Every answer is JSON; a refusal is a problem-details object.

export async function send(method, url, body) {
  const options = { method, headers: {} };
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const response = await fetch(url, options);
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  return { ok: response.ok, status: response.status, data };
}

// One line for a refusal: the detail, which names the field and the allowed values.
export function problemText(data) {
  if (!data) return 'the server refused the request';
  return data.detail || data.title || 'the server refused the request';
}
