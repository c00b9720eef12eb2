// What `import "server-only"` resolves to under vitest (both configs alias it here). The real
// package throws outside a React Server Components build; tests import server modules directly.
export {};
