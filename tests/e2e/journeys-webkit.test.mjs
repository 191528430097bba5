// The user journeys (journeys.mjs) in WebKitGTK, Safari's engine.
import { journeys } from "./journeys.mjs";

await journeys("webkit");
