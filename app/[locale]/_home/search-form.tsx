import { THERAPIES } from "@/lib/classify/slugs";
import { LocateButton } from "./locate-button";

// The one-step search (SPEC §12): a place, a distance, what the patient is looking for, open trials
// only by default. A plain GET form to /trials: it works without JavaScript, and /trials answers a
// non-canonical query with a redirect to its canonical URL, so every way in lands on the same address.
// A second button sends the place to the home page itself, which then lists its open trials nearest
// first (app/page.tsx keeps only the place: /?near=…).

const RADII: [string, string][] = [
  ["25mi", "25 miles"],
  ["50mi", "50 miles"],
  ["100mi", "100 miles"],
  ["250mi", "250 miles"],
  ["500mi", "500 miles"],
  ["any", "Any distance"],
];

const LOOKING_FOR: [string, string][] = [
  ["cell-therapy", "Cell therapy (stem cells and other living cells)"],
  ["prp", "Platelet-rich plasma (PRP)"],
  ["acellular-biologic", "Cell-free biologics (tissue grafts, growth factors, exosomes)"],
  [THERAPIES.join(","), "Everything, including other treatments"],
];

export function HomeSearchForm({ near }: { near: string }) {
  return (
    <form method="get" action="/trials" className="home-search" role="search" aria-label="Find a trial" data-testid="home-search">
      <div className="home-field">
        <label htmlFor="home-near">Where are you?</label>
        <input id="home-near" name="near" type="text" defaultValue={near} autoComplete="postal-code" placeholder="US ZIP code or city, e.g. 02115 or Denver, CO" />
        <div className="home-locate">
          <LocateButton inputId="home-near" />
        </div>
      </div>
      <div className="home-field">
        <label htmlFor="home-radius">How far could you travel?</label>
        <select id="home-radius" name="radius" defaultValue="100mi">
          {RADII.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      </div>
      <div className="home-field">
        <label htmlFor="home-therapy">What are you looking for?</label>
        <select id="home-therapy" name="therapy" defaultValue="cell-therapy">
          {LOOKING_FOR.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="home-field home-status">
        <legend>Which trials?</legend>
        <label>
          <input type="radio" name="status" value="open" defaultChecked /> Open to new patients
        </label>
        <label>
          <input type="radio" name="status" value="any" /> All, including finished trials
        </label>
      </fieldset>
      <div className="home-submit">
        <button type="submit" className="primary">
          Find trials
        </button>
        {/* The same place, for the list below (GET /?near=…): it works without JavaScript too. */}
        <button type="submit" formAction="/#open-trials" className="secondary" data-testid="home-nearest">
          Order the list below by distance
        </button>
      </div>
    </form>
  );
}
