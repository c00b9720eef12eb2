import type { ReactNode } from "react";

// The pages' <html> is written by app/[locale]/layout.tsx (its lang is the page's language) and the
// admin's by app/admin/layout.tsx; this root only passes through (next-intl's documented setup).
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
