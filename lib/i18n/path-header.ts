/** The request header proxy.ts sets to the address asked for (path and query), for the layout's language switch. */
export const PATH_HEADER = "x-dtf-path";
