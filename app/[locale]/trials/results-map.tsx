"use client";

import "leaflet/dist/leaflet.css";
import type { Map as LeafletMap } from "leaflet";
import type { Topology } from "topojson-specification";
import { useEffect, useRef, useState } from "react";
import type { MapPoint, MapSites } from "@/lib/search/map";
import type { SearchWords } from "./search-words";

// Loaded only when the map view is chosen (React.lazy), so Leaflet never weighs on the list view.
// It draws every site of every matching trial (GET /api/trials/sites), one marker per place, sized
// by how many matching trials are there. Markers are circle markers (no image files to fetch). When
// tiles cannot load (offline, blocked), country and US state outlines shipped with the app (drawn
// under the tiles) still show where the markers are, and a note says the background did not load.
// Places that overlap at the current zoom are clustered. Record text goes into the popups as text, never as HTML. It imports
// nothing the list view also uses (react-query, the search schema): shared modules would be split out
// of the first-load bundle into a chunk of their own, which costs the list view bytes.

type PointProps = { i: number; trials: number };
type ClusterProps = { trials: number; places: number };

/** Natural Earth countries (1:110m) and US states (1:10m) as GeoJSON, from the world-atlas and us-atlas packages. */
async function loadOutlines() {
  const [{ feature }, world, us] = await Promise.all([import("topojson-client"), import("world-atlas/countries-110m.json"), import("us-atlas/states-10m.json")]);
  const w = world.default as unknown as Topology;
  const u = us.default as unknown as Topology;
  return { countries: feature(w, w.objects.countries!), states: feature(u, u.objects.states!) };
}

type Props = {
  apiQs: string;
  /** The list of the current search narrowed to one place. */
  listHref: (where: { country?: string; state?: string; city?: string }) => string;
  place: { lat: number; lon: number; label: string } | null;
  tiles: { url: string; attribution: string };
  /** The map's words in the page's language, the links' start ("" or "/es"), and "en" when record text needs marking. */
  words: MapWords;
  base: string;
  recordLang?: string;
};
type MapWords = SearchWords["map"];
const forms = (f: { one: string; other: string }, n: number) => (n === 1 ? f.one : f.other).replace("{count}", String(n));

async function fetchSites(apiQs: string, signal: AbortSignal, w: MapWords): Promise<MapSites> {
  let res: Response;
  try {
    res = await fetch(`/api/trials/sites${apiQs ? `?${apiQs}` : ""}`, { signal });
  } catch (err) {
    // Not fetch-trials' fetchOrExplain: sharing that module would split it out of the first load.
    if (signal.aborted) throw err;
    throw new Error(w.unreachable);
  }
  const body = (await res.json().catch(() => null)) as MapSites | null;
  if (!res.ok || !body) throw new Error(w.failed);
  return body;
}

/** Leaflet puts a string tooltip in as HTML: record text goes in as a text node instead. */
function textTip(text: string): HTMLElement {
  const span = document.createElement("span");
  span.textContent = text;
  return span;
}

/** A tooltip whose `{place}` is the record's place name, marked with `recordLang` on a page in another language. */
function placeTip(template: string, place: string, recordLang?: string): HTMLElement {
  const [before = "", after = ""] = template.split("{place}");
  const name = textTip(place);
  if (recordLang) name.lang = recordLang;
  const span = textTip(before);
  span.append(name, after);
  return span;
}

const placeName = (p: MapPoint, w: MapWords) => [p.city, p.state, p.country].filter(Boolean).join(", ") || w.unnamed;

function popupFor(p: MapPoint, listHref: string, w: MapWords, base: string, recordLang?: string): HTMLElement {
  const box = document.createElement("div");
  const head = document.createElement("p");
  const strong = document.createElement("strong");
  strong.textContent = placeName(p, w);
  if (recordLang) strong.lang = recordLang;
  head.append(strong, document.createElement("br"), `${forms(w.popupTrials, p.trials)} ${forms(w.popupSites, p.sites)}`);
  const list = document.createElement("ul");
  for (const t of p.sample) {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = `${base}/trials/${t.nctId}`;
    a.textContent = t.title;
    if (recordLang) a.lang = recordLang;
    li.append(a);
    list.append(li);
  }
  box.append(head, list);
  if (p.trials > p.sample.length) {
    const more = document.createElement("a");
    more.href = listHref;
    more.textContent = w.listAll.replace("{count}", String(p.trials));
    box.append(more);
  }
  return box;
}

export default function ResultsMap({ apiQs, listHref, place, tiles, words: w, base, recordLang }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<LeafletMap | null>(null);
  const [tileError, setTileError] = useState(false);
  const [loaded, setLoaded] = useState<{ qs: string; data?: MapSites; error?: string } | null>(null);
  useEffect(() => {
    // A newer search aborts the older request, so a slow answer never replaces a newer one.
    const abort = new AbortController();
    fetchSites(apiQs, abort.signal, w).then(
      (data) => setLoaded({ qs: apiQs, data }),
      (err: Error) => {
        if (!abort.signal.aborted) setLoaded({ qs: apiQs, error: err.message });
      },
    );
    return () => abort.abort();
  }, [apiQs, w]);
  const current = loaded?.qs === apiQs ? loaded : null;
  const data = current?.data;

  useEffect(() => {
    let cancelled = false;
    // Leaflet, the outlines and the clustering all load with the map, never with the list.
    void Promise.all([import("leaflet"), loadOutlines(), import("supercluster")]).then(([L, outlines, { default: Supercluster }]) => {
      if (cancelled || !el.current) return;
      map.current?.remove();
      const m = L.map(el.current, { scrollWheelZoom: false, zoomControl: false });
      map.current = m;
      L.control.zoom({ zoomInTitle: w.zoomIn, zoomOutTitle: w.zoomOut }).addTo(m);
      // The tiles' credits (and Leaflet's own) are English.
      if (recordLang) m.attributionControl.getContainer()?.setAttribute("lang", recordLang);
      // Country and US state outlines from data shipped with the app, under the tiles: alone they
      // place the markers when no tile server answers.
      m.createPane("outlines").style.zIndex = "150";
      L.geoJSON(outlines.countries, { pane: "outlines", interactive: false, style: { className: "outline-country", color: "#8c8c8c", weight: 0.8, fillColor: "#f7f5ef", fillOpacity: 1 } }).addTo(m);
      L.geoJSON(outlines.states, { pane: "outlines", interactive: false, style: { className: "outline-state", color: "#b0b0b0", weight: 0.6, fill: false } }).addTo(m);
      if (tiles.url) {
        const layer = L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 18 });
        layer.on("tileerror", () => setTileError(true));
        layer.addTo(m);
      }
      const bounds = L.latLngBounds([]);
      if (place) {
        L.circleMarker([place.lat, place.lon], { radius: 8, color: "#7a3e00", fillOpacity: 0.9 }).addTo(m).bindTooltip(placeTip(w.you, place.label, recordLang));
        bounds.extend([place.lat, place.lon]);
      }
      const points = data?.points ?? [];
      for (const p of points) bounds.extend([p.lat, p.lon]);
      // Places that would overlap at this zoom are drawn as one cluster (supercluster), redrawn on every move.
      const index = new Supercluster<PointProps, ClusterProps>({
        radius: 36,
        maxZoom: 12,
        map: (p) => ({ trials: p.trials, places: 1 }),
        reduce: (acc, p) => {
          acc.trials += p.trials;
          acc.places += p.places;
        },
      });
      index.load(points.map((p, i) => ({ type: "Feature", properties: { i, trials: p.trials }, geometry: { type: "Point", coordinates: [p.lon, p.lat] } })));
      const markers = L.layerGroup().addTo(m);
      const draw = () => {
        markers.clearLayers();
        const b = m.getBounds();
        const zoom = Math.round(m.getZoom());
        el.current?.setAttribute("data-zoom", String(zoom));
        for (const c of index.getClusters([Math.max(-180, b.getWest()), Math.max(-85, b.getSouth()), Math.min(180, b.getEast()), Math.min(85, b.getNorth())], zoom)) {
          const [lon, lat] = c.geometry.coordinates as [number, number];
          if ("cluster" in c.properties && c.properties.cluster) {
            const { places, trials, cluster_id } = c.properties as ClusterProps & { cluster_id: number };
            const marker = L.circleMarker([lat, lon], { radius: Math.min(24, 10 + 2 * Math.log2(places)), color: "#0b5394", weight: 2, fillColor: "#6fa8dc", fillOpacity: 0.85, className: "site-cluster" }).addTo(markers);
            marker.getElement()?.setAttribute("data-places", String(places));
            marker.bindTooltip(textTip(forms(w.cluster, trials).replace("{places}", String(places))));
            marker.on("click", () => m.setView([lat, lon], Math.min(index.getClusterExpansionZoom(cluster_id), 14)));
            continue;
          }
          const p = points[(c.properties as PointProps).i]!;
          const radius = Math.min(16, 5 + 2 * Math.log2(p.trials));
          const marker = L.circleMarker([p.lat, p.lon], { radius, color: "#0b5394", fillOpacity: 0.6, className: "site-marker" }).addTo(markers);
          marker.getElement()?.setAttribute("data-places", "1");
          const href = listHref({ country: p.country ?? undefined, state: p.state ?? undefined, city: p.city ?? undefined });
          marker.bindPopup(() => popupFor(p, href, w, base, recordLang));
          marker.bindTooltip(placeTip(forms(w.point, p.trials), placeName(p, w), recordLang));
        }
      };
      m.on("moveend", draw);
      if (bounds.isValid()) m.fitBounds(bounds.pad(0.2), { maxZoom: 9 });
      else m.setView([20, 0], 2);
      draw();
    });
    return () => {
      cancelled = true;
      map.current?.remove();
      map.current = null;
    };
  }, [data, listHref, place, tiles, w, base, recordLang]);

  return (
    <div className="map-wrap">
      <div ref={el} className="map" role="region" aria-label={w.label} data-testid="results-map" />
      <p className="muted" role="status" data-testid="map-summary">
        {current?.error
          ? `${current.error} ${w.listStillWorks}`
          : !data
            ? w.loading
            : `${forms(w.sites, data.sites)}, ${forms(w.places, data.points.length)}${place ? ` ${w.within}` : ""}.${data.truncated ? ` ${w.truncated}` : ""}`}
        {tileError ? ` ${w.tileError}` : ""}
      </p>
    </div>
  );
}
