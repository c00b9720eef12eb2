import styles from "../learn.module.css";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2026-11-24" → "November 24, 2026", from the string itself so no time zone can shift the day. */
export function formatReviewDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  return `${MONTHS[(month ?? 1) - 1]} ${day}, ${year}`;
}

export function LastReviewed({ date }: { date: string }) {
  return (
    <p className={styles.meta}>
      Last reviewed: <time dateTime={date}>{formatReviewDate(date)}</time>
    </p>
  );
}
