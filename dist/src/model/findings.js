// Shared data types of the engine, the rules and the reporters.
//
// Positions: every line is 1-based and every column is a 1-based count of UTF-16 code units,
// which is what the tree-sitter Node binding hands us and what SARIF's
// `columnKind: "utf16CodeUnits"` declares. Nothing in pinlint converts columns elsewhere.
export {};
