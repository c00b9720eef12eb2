"use client";

import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";

// "Use my location" on the home page: puts the browser's position in the place field and reloads
// the list below nearest first (/?near=lat,lon). Without JavaScript it is not shown: typing a place works.

const noSubscribe = () => () => {};

export function LocateButton({ inputId }: { inputId: string }) {
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);
  const router = useRouter();
  const [message, setMessage] = useState("");
  if (!hydrated) return null;
  const onClick = () =>
    void import("../trials/locate").then((m) =>
      m.locate(setMessage, (near) => {
        const input = document.getElementById(inputId) as HTMLInputElement | null;
        if (input) input.value = near;
        router.replace(`/?near=${encodeURIComponent(near).replace(/%2C/g, ",")}#open-trials`, { scroll: false });
      }),
    );
  return (
    <>
      <button type="button" className="secondary" onClick={onClick}>
        Use my location
      </button>
      <span role="status" className="muted">
        {message}
      </span>
    </>
  );
}
