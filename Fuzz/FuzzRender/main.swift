import FuzzSupport
import TropaModel
import TropaSource
import TropaBuild

/// Whether a geometry attribute of an SVG holds NaN or infinity (labels are free text, so they are not looked at).
/// Written out rather than as a Regex, whose parsed form LeakSanitizer reports as leaked.
func hasNonFiniteFigure(_ svg: String) -> Bool {
    let geometry: Set<Substring> = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "d", "points", "width", "height",
                                    "viewBox"]
    let parts = svg.split(separator: "=\"", omittingEmptySubsequences: false)
    return zip(parts, parts.dropFirst()).contains { before, after in
        let name = before.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "<" }).last ?? ""
        let value = after.prefix { $0 != "\"" }
        return geometry.contains(name) && (value.contains("nan") || value.contains("inf"))
    }
}

/// Rendering: any bytes as a map (seeded with valid maps); when it checks without errors, the whole site is built
/// into memory (HTML, SVG, OPML, FreeMind) and no figure in the SVG may be NaN or infinite.
runFuzzer { data, size in
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Both theme languages, chosen by the input's length so each input always builds the same way.
    let config = "language: \(size % 2 == 0 ? "ru" : "en")\n"
    let memory = FuzzSite.fileSystem(["content/map.md": bytes, "tropa.yml": Array(config.utf8)])
    let result = try! SiteBuilder(fileSystem: memory)
        .build(root: FuzzSite.root, options: BuildOptions(includeDrafts: true))
    FuzzSite.requireLocations(result.check)
    guard result.outputPath != nil else { return 0 }
    for (path, contents) in memory.contents where path.hasSuffix(".svg") {
        let svg = String(decoding: contents, as: UTF8.self)
        precondition(!hasNonFiniteFigure(svg), "a figure in \(path) is not finite")
    }
    return 0
}
