"use client";

import "leaflet/dist/leaflet.css";
import type { Map as LeafletMap } from "leaflet";
import { useEffect, useMemo, useRef, useState } from "react";
import type { TrialSummary } from "@/lib/search/data";

// Loaded only when the map view is chosen (React.lazy), so Leaflet never weighs on the list view.
// Markers are circle markers (no image files to fetch). When tiles cannot load (offline, blocked),
// the markers still show on a plain background and a note says why the map looks empty.

type Props = { trials: TrialSummary[]; place: { lat: number; lon: number; label: string } | null; tiles: { url: string; attribution: string } };
type Point = { lat: number; lon: number };

export default function ResultsMap({ trials, place, tiles }: Props) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<LeafletMap | null>(null);
  const [tileError, setTileError] = useState(false);
  const located = useMemo(
    () =>
      trials.filter(
        (t): t is TrialSummary & { nearestSite: NonNullable<TrialSummary["nearestSite"]> & Point } =>
          typeof t.nearestSite?.lat === "number" && typeof t.nearestSite?.lon === "number",
      ),
    [trials],
  );

  useEffect(() => {
    let cancelled = false;
    void import("leaflet").then((L) => {
      if (cancelled || !el.current) return;
      map.current?.remove();
      const m = L.map(el.current, { scrollWheelZoom: false });
      map.current = m;
      if (tiles.url) {
        const layer = L.tileLayer(tiles.url, { attribution: tiles.attribution, maxZoom: 18 });
        layer.on("tileerror", () => setTileError(true));
        layer.addTo(m);
      }
      const bounds = L.latLngBounds([]);
      if (place) {
        L.circleMarker([place.lat, place.lon], { radius: 8, color: "#7a3e00", fillOpacity: 0.9 }).addTo(m).bindTooltip(`You: ${place.label}`);
        bounds.extend([place.lat, place.lon]);
      }
      for (const t of located) {
        const s = t.nearestSite;
        const marker = L.circleMarker([s.lat, s.lon], { radius: 7, color: "#0b5394", fillOpacity: 0.7 }).addTo(m);
        const popup = document.createElement("div");
        const a = document.createElement("a");
        a.href = `/trials/${t.nctId}`;
        a.textContent = t.title;
        const p = document.createElement("p");
        p.textContent = [s.facility, s.city, s.state, s.country].filter(Boolean).join(", ");
        popup.append(a, p);
        marker.bindPopup(popup);
        bounds.extend([s.lat, s.lon]);
      }
      if (bounds.isValid()) m.fitBounds(bounds.pad(0.2), { maxZoom: 9 });
      else m.setView([20, 0], 2);
    });
    return () => {
      cancelled = true;
      map.current?.remove();
      map.current = null;
    };
  }, [located, place, tiles]);

  return (
    <div className="map-wrap">
      <div ref={el} className="map" role="region" aria-label="Map of the trial sites on this page" data-testid="results-map" />
      <p className="muted">
        Showing the {place ? "nearest" : "first"} site of each of the {located.length} trials on this page that has a location.
        {tileError ? " The map background could not load; the site markers are still placed correctly." : ""}
      </p>
    </div>
  );
}
