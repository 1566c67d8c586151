// Node module hooks for `pnpm bench` (registered by bench/run.ts): a stylesheet the canvas
// imports (`import '../styles/review.css'`) loads as an empty module, as it does in the canvas's
// vitest tests. Vite puts those in the page; a headless editor has no page to style.
export async function load(url, context, nextLoad) {
  if (new URL(url).pathname.endsWith('.css')) return { format: 'module', source: '', shortCircuit: true }
  return nextLoad(url, context)
}
