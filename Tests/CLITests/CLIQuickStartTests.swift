import Foundation
import Testing
import TropaTesting
import TropaModel

/// The README's quick start: `scripts/demo` builds both programs, so `tropa serve` works next; a `tropa` copied
/// without `tropa-serve` says how to get it.
@Suite struct CLIQuickStartTests {
    @Test func theDemoScriptBuildsBothPrograms() throws {
        let script = try String(contentsOf: TropaProcess.packageRoot.appendingPathComponent("scripts/demo"), encoding: .utf8)
        // Each `swift build` line, the variables set before it (`TROPA_STATIC_SWIFT=1 swift build …`) left out.
        let builds = script.split(separator: "\n")
            .map { line in line.split(separator: " ").drop { $0.contains("=") && !$0.hasPrefix("-") }.joined(separator: " ") }
            .filter { $0.hasPrefix("swift build") }
            .map { $0.split(separator: "#").first.map(String.init) ?? $0 }
        #expect(!builds.isEmpty)
        let products = builds.map { line -> [String] in
            let words = line.split(separator: " ").map(String.init)
            return words.indices.filter { words[$0] == "--product" && $0 + 1 < words.count }.map { words[$0 + 1] }
        }
        // A build without --product makes every program.
        #expect(products.contains { $0.isEmpty } || Set(products.joined()).isSuperset(of: ["tropa", "tropa-serve"]),
                "\(builds)")
        #expect(builds.allSatisfy { $0.contains("-c release") }, "the demo runs .build/release/tropa")
    }

    /// Copied alone into `place` under a fresh folder; the help is the command that puts tropa-serve beside it, in
    /// the site's language or the one `--lang` names.
    @Test(arguments: ["bin", "pkg/.build/debug", "pkg/.build/x86_64-unknown-linux-gnu/release"], [Language.ru, .en])
    func serveWithoutTropaServeSaysHowToGetIt(place: String, language: Language) throws {
        let tropa = try TropaProcess.requireExecutable()
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-alone-\(UUID().uuidString)")
        let folder = base.appendingPathComponent(place)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.copyItem(at: tropa, to: folder.appendingPathComponent("tropa"))
        let output = try TropaProcess.run(folder.appendingPathComponent("tropa"),
                                          ["serve", Fixtures.site("valid-ru").path, "--port", "0"] + (language == .en ? ["--lang", "en"] : []))
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        let resolved = folder.resolvingSymlinksInPath().path
        let package = base.resolvingSymlinksInPath().path + "/pkg"
        let command = switch place {
        case "bin": ""
        case "pkg/.build/debug": "swift build --package-path \(package) --product tropa-serve"
        default: "swift build --package-path \(package) -c release --product tropa-serve"
        }
        if language == .ru {
            let help = command.isEmpty ? "соберите его из исходников tropa командой `swift build -c release --product tropa-serve` "
                + "и скопируйте .build/release/tropa-serve в \(resolved)/" : "выполните `\(command)`"
            #expect(output.stderr == "ошибка: tropa serve запускает tropa-serve, а рядом с tropa его нет: не найден "
                + "\(resolved)/tropa-serve\n  подсказка: \(help)\n")
        } else {
            let help = command.isEmpty ? "build it from tropa's source with `swift build -c release --product tropa-serve`, "
                + "then copy .build/release/tropa-serve to \(resolved)/" : "run `\(command)`"
            #expect(output.stderr == "error: tropa serve runs tropa-serve, which is not beside tropa: no \(resolved)/tropa-serve\n"
                + "  help: \(help)\n")
        }
    }
}
