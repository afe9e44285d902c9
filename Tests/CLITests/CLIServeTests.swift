import Foundation
import Testing
import TropaTesting

/// `tropa serve` end to end: the built binary on a free port, a page fetched, a map edited, the reload event seen
/// with the new content, an error shown in the overlay and mended, a map renamed, and Ctrl-C.
@Suite(.serialized) struct CLIServeTests {
    /// A running `tropa serve` whose output is collected as it comes.
    final class Server: @unchecked Sendable {
        let process = Process()
        private(set) var port = 0
        private let output = Pipe()
        private let lock = NSLock()
        private var collected = Data()
        private var ended = false

        init(site: URL, arguments: [String] = []) throws {
            let tropa = try TropaProcess.requireExecutable()
            process.executableURL = tropa
            process.arguments = ["serve", site.path, "--port", "0"] + arguments
            process.standardOutput = output
            process.standardError = output
            // Read on a thread of its own until the end: a `readabilityHandler` was now and then never told of the
            // end under load, the process gone and no other holding the pipe (3 runs in 80 with both cores busy).
            let reading = output.fileHandleForReading
            Thread.detachNewThread { [weak self] in
                while true {
                    let data = reading.availableData
                    guard let self else { return }
                    // No data is the end of the output: the process and every process it started have closed it.
                    self.lock.withLock {
                        self.collected.append(data)
                        if data.isEmpty { self.ended = true }
                    }
                    if data.isEmpty { return }
                }
            }
            try process.run()
            var port: Int?
            let deadline = Date().addingTimeInterval(30)
            while port == nil, Date() < deadline, process.isRunning {
                Thread.sleep(forTimeInterval: 0.05)
                if let range = text.range(of: #"(?:serving|сайт открыт на) http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                    port = Int(text[range].split(separator: ":").last!.dropLast())
                }
            }
            guard let port else {
                process.terminate()
                throw ProbeError("tropa serve did not start: \(text)")
            }
            self.port = port
        }

        var text: String { lock.withLock { String(decoding: collected, as: UTF8.self) } }

        /// Waits until the output holds `count` occurrences of `line`.
        func wait(for line: String, count: Int = 1, timeout: TimeInterval = 15) -> Bool {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if text.components(separatedBy: line).count - 1 >= count { return true }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return false
        }

        func get(_ path: String) throws -> HTTPProbe.Response { try HTTPProbe.get(port: port, path) }

        /// Ctrl-C, then waits for the process to end and for the last of its output: the end of the process can be
        /// seen before what it printed last is read. Nil when either does not come.
        func interrupt() -> Int32? {
            process.interrupt()
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning || !lock.withLock({ ended }), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning {
                process.terminate()
                return nil
            }
            return lock.withLock { ended } ? process.terminationStatus : nil
        }
    }

    private func siteCopy() throws -> URL {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-serve-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: RenderFixtures.site("ru-persona"), to: site)
        return site
    }

    /// Saves as most editors do, by renaming a whole new file over the map: a test stalled between truncating the
    /// file and writing it would otherwise hand `serve` an empty map to build, a save that no editor makes.
    private func replace(_ find: String, with replacement: String, in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(find))
        try Data(text.replacingOccurrences(of: find, with: replacement).utf8).write(to: file, options: .atomic)
    }

    @Test func editsReloadThePageAndErrorsShowInTheOverlay() throws {
        let site = try siteCopy()
        defer { try? FileManager.default.removeItem(at: site) }
        let map = site.appendingPathComponent("content/lumus/skripty.md")
        let server = try Server(site: site)
        defer { _ = server.interrupt() }
        #expect(server.text.contains("собрано карт: 1 за"), "the site says `language: ru`")

        let first = try server.get("/lumus/skripty/")
        #expect(first.status == 200)
        #expect(first.headers.lowercased().contains("content-type: text/html; charset=utf-8"))
        #expect(first.body.contains("РОП выбирает конструктор скриптов"))
        #expect(first.body.contains("new EventSource(\"/_tropa/live\")"))

        let events = try HTTPProbe(port: server.port, path: "/_tropa/live")
        #expect(try events.wait(for: ": connected"))
        #expect(events.text.lowercased().contains("content-type: text/event-stream"))

        try replace("title: РОП выбирает", with: "title: Директор выбирает", in: map)
        #expect(try events.wait(for: "event: reload\ndata: 2"), "\(events.text)")
        #expect(try server.get("/lumus/skripty/").body.contains("Директор выбирает конструктор скриптов"))
        #expect(try server.get("/").body.contains("Директор выбирает конструктор скриптов"))

        try replace("### Эмоции", with: "### Эмоцйи", in: map)
        #expect(try events.wait(for: "event: reload\ndata: 3"))
        let overlay = try server.get("/lumus/skripty/")
        #expect(overlay.status == 500)
        #expect(overlay.body.contains("class=\"tropa-overlay\""))
        #expect(overlay.body.contains("content/lumus/skripty.md:28:5: ошибка: в этапе «"))
        #expect(overlay.body.contains("неизвестный слой «Эмоцйи» [unknown-layer]"))
        #expect(!overlay.body.contains("class=\"cjm\""), "no stale page under the errors")
        #expect(server.wait(for: "неизвестный слой «Эмоцйи»"), "the terminal prints them too")

        try replace("### Эмоцйи", with: "### Эмоции", in: map)
        #expect(try events.wait(for: "event: reload\ndata: 4"))
        let mended = try server.get("/lumus/skripty/")
        #expect(mended.status == 200)
        #expect(!mended.body.contains("tropa-overlay"))
        #expect(mended.body.contains("Директор выбирает конструктор скриптов"))

        try FileManager.default.moveItem(at: map, to: site.appendingPathComponent("content/lumus/novaya.md"))
        #expect(try events.wait(for: "event: reload\ndata: 5"))
        #expect(try server.get("/lumus/novaya/").status == 200)
        #expect(try server.get("/lumus/skripty/").status == 404)
        #expect(!(try server.get("/").body.contains("lumus/skripty/")))

        #expect(server.interrupt() == 0)
        #expect(server.text.hasSuffix("остановлено\n"))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path),
                "serve writes nothing")
    }

    /// A burst of saves, as editors make them, is one rebuild.
    @Test func rapidSavesMakeOneRebuild() throws {
        let site = try siteCopy()
        defer { try? FileManager.default.removeItem(at: site) }
        let map = site.appendingPathComponent("content/lumus/skripty.md")
        let server = try Server(site: site)
        defer { _ = server.interrupt() }
        let original = try String(contentsOf: map, encoding: .utf8)
        for save in 1...5 {
            try Data(original.replacingOccurrences(of: "title: ", with: "title: \(save) ").utf8).write(to: map, options: .atomic)
            Thread.sleep(forTimeInterval: 0.02)
        }
        #expect(server.wait(for: "пересобрано карт: 1"))
        Thread.sleep(forTimeInterval: 1)
        #expect(server.text.components(separatedBy: "пересобрано").count - 1 == 1, "\(server.text)")
        #expect(try server.get("/").body.contains("5 РОП выбирает"))
    }

    /// As `build` does, the preview says how many drafts it left out: as it starts, not again on every save.
    @Test func draftsLeftOutAreSaidOnce() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-serve-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Fixtures.invalid("draft-link"), to: site)
        defer { try? FileManager.default.removeItem(at: site) }
        let server = try Server(site: site)
        defer { _ = server.interrupt() }
        let note = "note: 1 draft left out (add --drafts to include drafts)"
        #expect(server.wait(for: "built 1 map in"), "\(server.text)")
        #expect(server.text.contains(note + "\n"))
        try replace("Что было после покупки", with: "Что было потом", in: site.appendingPathComponent("content/crm/vybor.md"))
        #expect(server.wait(for: "rebuilt 1 map"), "\(server.text)")
        #expect(server.text.components(separatedBy: note).count == 2, "\(server.text)")
        let drafts = try Server(site: site, arguments: ["--drafts"])
        defer { _ = drafts.interrupt() }
        #expect(drafts.wait(for: "built 2 maps in"), "\(drafts.text)")
        #expect(!drafts.text.contains("note:"))
    }

    /// With `--strict` the link to the draft stops the preview, and the terminal says that `--strict` did.
    @Test func strictSaysWarningsStoppedIt() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("tropa-serve-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Fixtures.invalid("draft-link"), to: site)
        defer { try? FileManager.default.removeItem(at: site) }
        let server = try Server(site: site, arguments: ["--strict"])
        defer { _ = server.interrupt() }
        #expect(server.wait(for: "not built: 1 warning in 1 file; --strict takes warnings as errors\n"), "\(server.text)")
        #expect(server.text.contains("warning: the link leads to a draft"))
        #expect(!server.text.contains("note:"), "a preview that is not built says nothing of its drafts")
    }

    @Test func aPortInUseIsExitStatusTwo() throws {
        let site = try siteCopy()
        defer { try? FileManager.default.removeItem(at: site) }
        let first = try Server(site: site)
        defer { _ = first.interrupt() }
        let second = try TropaProcess.run(["serve", site.path, "--port", String(first.port)])
        #expect(second.status == 2)
        #expect(second.stderr.contains("ошибка: порт \(first.port) на 127.0.0.1 занят"), "\(second.stderr)")
        #expect(second.stdout.isEmpty && !second.stderr.contains("собрано"), "said before the site is built: \(second.stderr)")
        let english = try TropaProcess.run(["serve", site.path, "--port", String(first.port), "--lang", "en"])
        #expect(english.stderr.contains("error: port \(first.port) on 127.0.0.1 is in use"), "\(english.stderr)")
    }
}
