// The Scalar functions page.
export function startFunctions() {
  document.getElementById('functions-status').textContent = 'Coming with the function sampler.';
}
