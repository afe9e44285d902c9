import FuzzSupport
import TropaModel
import TropaSource
import TropaAuthoring

/// `tropa import`: any bytes as a Mermaid file, decoded as the command decodes it; a diagram it reads is written as a
/// map, which is then checked.
runFuzzer { data, size in
    guard case .success(let source) = SourceText.decode(path: "journey.mmd", bytes: Array(UnsafeBufferPointer(start: data, count: size))) else {
        return 0
    }
    let importer = MermaidImport(path: "journey.mmd")
    let (diagram, diagnostics) = importer.parse(source.text)
    for diagnostic in diagnostics { precondition(source.contains(diagnostic.location), "outside its file: \(diagnostic)") }
    if let diagram {
        let map = importer.map(diagram, schema: .default, language: .ru, personas: [], personaID: nil, fallbackTitle: "journey")
        FuzzSite.check(FuzzSite.fileSystem(["content/map.md": Array(map.utf8)]))
    }
    return 0
}
