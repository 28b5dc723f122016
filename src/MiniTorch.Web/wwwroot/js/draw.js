// The colours every picture of the page shares: the theme's, and the boundary's scale from class 0 to class 1. The
// pictures themselves are drawn by boundary-view.js (the square and its points), network-view.js (the network),
// training-charts.js (the Training tab's charts) and plots.js (the Scalar functions tab's curves and heatmaps).

const blue = [0x6e, 0x9f, 0xd8];
const white = [0xff, 0xff, 0xff];
const red = [0xe8, 0x83, 0x7a];

export function cssColour(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

// The boundary's colours, as minitorch train's picture: light blue at 0, white at 0.5, light red at 1.
export function probabilityRgb(p) {
  const [from, to, t] = p < 0.5 ? [blue, white, p * 2] : [white, red, (p - 0.5) * 2];
  return from.map((c, i) => Math.round(c + (to[i] - c) * t));
}
