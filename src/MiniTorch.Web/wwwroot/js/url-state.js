// The page's settings live in the URL's query, so that a link reopens the same experiment.

export function readSetting(name) {
  return new URLSearchParams(location.search).get(name);
}

export function writeSettings(values) {
  const query = new URLSearchParams(location.search);
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === '') query.delete(name); else query.set(name, value);
  }
  history.replaceState(null, '', `${location.pathname}?${query}`);
}
