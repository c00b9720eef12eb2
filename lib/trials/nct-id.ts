import { invalidParameters, naming } from "../http/errors";
import { NCT_ID } from "./data";

/** A trial route's {nctId}, upper-cased, or the 400 answer that says what is wrong with it. */
export function nctIdParam(raw: string): { id: string } | { error: Response } {
  const id = raw.toUpperCase();
  if (NCT_ID.test(id)) return { id };
  return { error: invalidParameters([{ param: "nctId", value: raw, message: "expected NCT followed by 8 digits" }], { sentence: naming }) };
}
