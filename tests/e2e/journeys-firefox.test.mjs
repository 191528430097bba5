// The user journeys (journeys.mjs) in Firefox ESR.
import { journeys } from "./journeys.mjs";

await journeys("firefox");
