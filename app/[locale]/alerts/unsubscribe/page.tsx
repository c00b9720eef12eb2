import { tokenPage } from "../token-form";

export const dynamic = "force-dynamic";

/** /alerts/unsubscribe?token=… (SPEC §10): every email's unsubscribe link; the button unsubscribes. */
const page = tokenPage("unsubscribe");
export const generateMetadata = page.generateMetadata;
export default page.Page;
