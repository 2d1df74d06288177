/** Request and response schemas of the supervision routes. */
export {};
