import { startWeb } from "../chaos/helpers/web";
const web = await startWeb({ databaseUrl: "postgresql://postgres@127.0.0.1:5432/es_dev", env: { MAP_TILE_URL: "" } });
console.log(web.url);
await new Promise((r) => setTimeout(r, 25_000));
await web.stop();
