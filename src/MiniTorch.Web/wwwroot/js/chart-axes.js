// Axes for the Training page's pictures: ticks at round numbers, their text, and the bytes of a picture.

// About `count` ticks at 1, 2 or 5 times a power of ten, inside [low, high].
export function niceTicks(low, high, count) {
  if (!(high > low)) return [low];
  const raw = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map(m => m * power).find(s => s >= raw);
  const ticks = [];
  for (let t = Math.ceil(low / step) * step; t <= high + step * 1e-9; t += step) ticks.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return ticks;
}

// A tick's number with no more digits than it needs.
export function tickText(value) {
  return Number(value.toPrecision(6)).toString();
}

// The bytes of a base64 string.
export function decodeBytes(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let k = 0; k < binary.length; k++) bytes[k] = binary.charCodeAt(k);
  return bytes;
}
