"use client";

import { Component, type ReactNode } from "react";

// Around the parts of /trials whose code loads on demand (the map, the cards of a new search, the
// parameter messages): if that code cannot load (a dropped connection, a deploy that replaced the
// chunks), only that part says so, with a link that loads the same search as a full page, which
// the server renders without any of this code. The rest of the page keeps working.

const WORDS = {
  en: { text: "This part of the page could not load.", reload: "Load the page again" },
  es: { text: "Esta parte de la página no se pudo cargar.", reload: "Volver a cargar la página" },
};

export class ChunkBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    // Rendered only in the browser, after a chunk failed: the page's own language decides the words.
    const w = document.documentElement.lang === "es" ? WORDS.es : WORDS.en;
    return (
      <p className="notice" role="alert">
        {w.text} <a href={window.location.href}>{w.reload}</a>
      </p>
    );
  }
}
