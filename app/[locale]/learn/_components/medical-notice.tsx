import styles from "../learn.module.css";

/** The statement every explainer carries near the top: the site informs, it does not advise. */
export function MedicalNotice() {
  return (
    <p className={styles.notice} role="note" data-testid="medical-notice">
      <strong>This page gives information, not medical advice.</strong> It cannot tell you what is right for you. Talk
      with your own doctor before you decide anything about a treatment or a trial.
    </p>
  );
}
