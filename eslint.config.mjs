import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-*/**", "node_modules/**", ".data/**", "lib/generated/**", "tests/fixtures/**", "playwright-report/**", "test-results/**", "next-env.d.ts"],
  },
  {
    // The shell and the search page link with plain <a>, not next/link: next/link's client code would
    // push /trials over its first-load JavaScript budget (docs/decisions/011-plain-links.md).
    files: ["app/layout.tsx", "app/not-found.tsx", "app/admin/layout.tsx", "app/[[]locale]/layout.tsx", "app/[[]locale]/error.tsx", "app/[[]locale]/not-found.tsx", "app/[[]locale]/trials/*.tsx"],
    rules: { "@next/next/no-html-link-for-pages": "off" },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];
export default config;
