// Wording of the "Follow this search" control, kept together for a later translation catalog.
export const FOLLOW = {
  summary: "Follow this search",
  feedIntro: "Get new and changed trials for this search in a feed reader:",
  feedLink: "Atom feed of this search",
};
