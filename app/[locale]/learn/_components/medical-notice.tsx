import { translatorFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/paths";
import styles from "../learn.module.css";

/** The statement every explainer carries near the top: the site informs, it does not advise. */
export function MedicalNotice({ locale }: { locale: Locale }) {
  const t = translatorFor(locale, "learn");
  return (
    <p className={styles.notice} role="note" data-testid="medical-notice">
      {t.rich("notice", { strong: (chunks) => <strong>{chunks}</strong> })}
    </p>
  );
}
