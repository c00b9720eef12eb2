import { tokenPage } from "../token-form";

export const dynamic = "force-dynamic";

/** /alerts/confirm?token=… (SPEC §10): the confirmation email's link; the button confirms. */
const page = tokenPage("confirm");
export const generateMetadata = page.generateMetadata;
export default page.Page;
