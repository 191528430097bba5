/* The example: two versions of a CNN story (seeds/), shown on a first
 * visit. */
import before from "../../seeds/000_ba2ed8750da60442.txt" with { type: "text" };
import after from "../../seeds/001_c841d5658e0f1fdf.txt" with { type: "text" };

export var SEEDS = { before: before, after: after };
