"use client";

import styles from "../learn.module.css";

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className={`${styles.button} ${styles.noPrint}`} onClick={() => window.print()}>
      {label}
    </button>
  );
}
