import { notFound } from "next/navigation";

/** Any address under a language that no page answers: that language's not-found page. */
export default function UnknownPage() {
  notFound();
}
