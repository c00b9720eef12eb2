import { THERAPIES } from "@/lib/classify/slugs";
import { localePath, type Locale } from "@/lib/i18n/paths";
import { LocateButton, type LocateText } from "./locate-button";

// The one-step search (SPEC §12): a place, a distance, what the patient is looking for, open trials
// only by default. A plain GET form to /trials (/es/trials in Spanish): it works without JavaScript, and
// /trials answers a non-canonical query with a redirect to its canonical URL, so every way in lands on
// the same address. A second button sends the place to the home page itself, which then lists its open
// trials nearest first (app/[locale]/page.tsx keeps only the place: /?near=…). The words come
// translated from the page (app/[locale]/page.tsx), as props.

export type HomeFormText = {
  label: string;
  where: string;
  placeholder: string;
  radius: string;
  /** [value, words] for each distance, in order. */
  radii: [string, string][];
  therapy: string;
  cellTherapy: string;
  prp: string;
  acellular: string;
  everything: string;
  status: string;
  statusOpen: string;
  statusAny: string;
  submit: string;
  nearest: string;
};

export function HomeSearchForm({ near, locale, text, locateText }: { near: string; locale: Locale; text: HomeFormText; locateText: LocateText }) {
  const lookingFor: [string, string][] = [
    ["cell-therapy", text.cellTherapy],
    ["prp", text.prp],
    ["acellular-biologic", text.acellular],
    [THERAPIES.join(","), text.everything],
  ];
  return (
    <form method="get" action={localePath(locale, "/trials")} className="home-search" role="search" aria-label={text.label} data-testid="home-search">
      <div className="home-field">
        <label htmlFor="home-near">{text.where}</label>
        <input id="home-near" name="near" type="text" defaultValue={near} autoComplete="postal-code" placeholder={text.placeholder} />
        <div className="home-locate">
          <LocateButton inputId="home-near" home={localePath(locale, "/")} text={locateText} />
        </div>
      </div>
      <div className="home-field">
        <label htmlFor="home-radius">{text.radius}</label>
        <select id="home-radius" name="radius" defaultValue="100mi">
          {text.radii.map(([v, words]) => (
            <option key={v} value={v}>
              {words}
            </option>
          ))}
        </select>
      </div>
      <div className="home-field">
        <label htmlFor="home-therapy">{text.therapy}</label>
        <select id="home-therapy" name="therapy" defaultValue="cell-therapy">
          {lookingFor.map(([v, words]) => (
            <option key={v} value={v}>
              {words}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="home-field home-status">
        <legend>{text.status}</legend>
        <label>
          <input type="radio" name="status" value="open" defaultChecked /> {text.statusOpen}
        </label>
        <label>
          <input type="radio" name="status" value="any" /> {text.statusAny}
        </label>
      </fieldset>
      <div className="home-submit">
        <button type="submit" className="primary">
          {text.submit}
        </button>
        {/* The same place, for the list below (GET /?near=…): it works without JavaScript too. */}
        <button type="submit" formAction={localePath(locale, "/#open-trials")} className="secondary" data-testid="home-nearest">
          {text.nearest}
        </button>
      </div>
    </form>
  );
}
