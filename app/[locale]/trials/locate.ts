/** "Use my location": the browser's position as `lat,lon` (3 decimals, about 100 m), or a message why not. */
export function locate(say: (msg: string) => void, use: (near: string) => void, words: { locating: string; unavailable: string }) {
  const failed = () => say(words.unavailable);
  if (!("geolocation" in navigator)) return failed();
  say(words.locating);
  navigator.geolocation.getCurrentPosition(
    (pos) => {
      say("");
      use(`${pos.coords.latitude.toFixed(3)},${pos.coords.longitude.toFixed(3)}`);
    },
    failed,
    { timeout: 10_000, maximumAge: 600_000 },
  );
}
