/** Request and response schemas of the bulletin routes. */
export {};
