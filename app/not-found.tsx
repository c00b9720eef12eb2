import "./globals.css";

/**
 * An address outside every language's pages (normally every page address is one of
 * app/[locale]'s, which has its own not-found page): a plain page in both languages.
 */
export default function RootNotFound() {
  return (
    <html lang="en">
      <body>
        <main id="main">
          <h1>Page not found</h1>
          <p>
            There is no page at this address. <a href="/trials">Search the trials</a>.
          </p>
          <p lang="es">
            No hay ninguna página en esta dirección. <a href="/es/trials">Buscar ensayos</a>.
          </p>
        </main>
      </body>
    </html>
  );
}
