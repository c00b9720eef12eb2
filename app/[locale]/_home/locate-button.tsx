"use client";

import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";

// "Use my location" on the home page: puts the browser's position in the place field and reloads
// the list below nearest first (/?near=lat,lon, /es?near=… in Spanish). Without JavaScript it is not
// shown: typing a place works. Its words come from the server as props (no i18n code in the browser).

const noSubscribe = () => () => {};

export type LocateText = { button: string; finding: string; failed: string };

export function LocateButton({ inputId, home = "/", text }: { inputId: string; home?: string; text: LocateText }) {
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);
  const router = useRouter();
  const [message, setMessage] = useState("");
  if (!hydrated) return null;
  const onClick = () =>
    void import("../trials/locate").then((m) =>
      m.locate(
        setMessage,
        (near) => {
          const input = document.getElementById(inputId) as HTMLInputElement | null;
          if (input) input.value = near;
          router.replace(`${home}?near=${encodeURIComponent(near).replace(/%2C/g, ",")}#open-trials`, { scroll: false });
        },
        { locating: text.finding, unavailable: text.failed },
      ),
    );
  return (
    <>
      <button type="button" className="secondary" onClick={onClick}>
        {text.button}
      </button>
      <span role="status" className="muted">
        {message}
      </span>
    </>
  );
}
