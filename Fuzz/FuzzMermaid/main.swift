import FuzzSupport
import TropaModel
import TropaSource
import TropaAuthoring

/// `tropa import`: any bytes as a Mermaid file; a diagram it reads is written as a map, which is then checked.
runFuzzer { data, size in
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let importer = MermaidImport(path: "journey.mmd")
    let (diagram, diagnostics) = importer.parse(text)
    let source = SourceText(path: "journey.mmd", text: text)
    for diagnostic in diagnostics { precondition(source.contains(diagnostic.location), "outside its file: \(diagnostic)") }
    if let diagram {
        let map = importer.map(diagram, schema: .default, language: .ru, personas: [], personaID: nil, fallbackTitle: "journey")
        FuzzSite.check(FuzzSite.fileSystem(["content/map.md": Array(map.utf8)]))
    }
    return 0
}
