// The user journeys (journeys.mjs) in Chromium.
import { journeys } from "./journeys.mjs";

await journeys("chromium");
