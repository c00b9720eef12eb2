// `node --import ./tests/bench/server-only-hook.mjs --import tsx <script>`: resolves `server-only` to
// the empty module tests use (tests/setup/server-only.ts), so a bench can import server modules
// without the react-server condition (which also changes how React and next-intl resolve).
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(spec, ctx, next) { return spec === "server-only" ? { url: ${JSON.stringify(new URL("../setup/server-only.ts", import.meta.url).href)}, shortCircuit: true } : next(spec, ctx); }`,
    ),
);
