import Foundation
import Testing
import TropaTesting

/// `language: ru` in tropa.yml: the built `tropa` tells the site's problems, its summaries and its own errors in
/// Russian; `--lang` overrides the site; the codes stay what scripts match on.
@Suite struct CLILanguageTests {
    static func run(_ command: String, _ arguments: [String]) throws -> TropaProcess.Output {
        let site = try TropaProcess.temporarySite(["tropa.yml": "language: ru\n",
                                                   "content/lumus.md": CLIOutputFormatTests.map])
        defer { try? FileManager.default.removeItem(at: site) }
        return try TropaProcess.run([command, site.path] + arguments)
    }

    @Test func checkSpeaksTheSitesLanguage() throws {
        let output = try Self.run("check", [])
        #expect(output.status == 1)
        #expect(output.stderr == """
            content/lumus.md:4:1: предупреждение: неизвестный ключ «segmnet» во front-matter [unknown-key]
               4 | segmnet: B2B
                 | ^
              подсказка: может быть, «segment»?
            content/lumus.md:26:4: ошибка: в этапе «Выбор» нет обязательного слоя «Действия» [missing-layer]
               26 | ## Выбор
                  |    ^
              подсказка: добавьте в этот этап «### Действия»
            content/lumus.md:34:5: ошибка: в этапе «Выбор» неизвестный слой «Эмоцйи» [unknown-layer]
               34 | ### Эмоцйи
                  |     ^
              подсказка: может быть, «Эмоции»?
            проверено карт: 1, персон: 0 — 2 ошибки и 1 предупреждение в 1 файле

            """)
    }

    @Test func langEnOverridesTheSite() throws {
        let output = try Self.run("check", ["--lang", "en"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("content/lumus.md:26:4: error: the stage \"Выбор\" lacks the required layer \"Действия\" [missing-layer]"))
        #expect(output.stderr.hasSuffix("checked 1 map and 0 personas: 2 errors and 1 warning in 1 file\n"))
    }

    @Test func jsonKeepsTheCodesAndWordsTheRest() throws {
        let output = try Self.run("check", ["--format", "json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["code"] as? String } == ["unknown-key", "missing-layer", "unknown-layer"])
        #expect(entries.map { $0["severity"] as? String } == ["warning", "error", "error"])
        #expect(entries[1]["message"] as? String == "в этапе «Выбор» нет обязательного слоя «Действия»")
        #expect(entries[1]["suggestion"] as? String == "добавьте в этот этап «### Действия»")
        let english = try Self.run("check", ["--format", "json", "--lang", "en"])
        #expect(english.stdout.contains("\"message\" : \"the stage \\\"Выбор\\\" lacks the required layer \\\"Действия\\\"\""))
    }

    @Test func githubAnnotationsAreInRussian() throws {
        let site = try TropaProcess.temporarySite(["tropa.yml": "language: ru\n", "content/lumus.md": CLIOutputFormatTests.map])
        defer { try? FileManager.default.removeItem(at: site) }
        let output = try TropaProcess.run(["check", "--format", "github"], in: site)
        #expect(output.stdout.contains("::error file=content/lumus.md,line=26,col=4,title=tropa%3A missing-layer::"
            + "в этапе «Выбор» нет обязательного слоя «Действия» (добавьте в этот этап «### Действия»)\n"))
    }

    /// An output tropa refuses is found after the settings are read: it is told in the site's language too.
    @Test func buildAndItsRefusalsAreInRussian() throws {
        let map = "---\ntitle: Карта\n---\n\n## Поиск\n### Цель\nНайти.\n### Действия\n- Ищет\n### Эмоции\n0 Спокойно\n"
        let site = try TropaProcess.temporarySite(["tropa.yml": "language: ru\n", "content/map.md": map])
        defer { try? FileManager.default.removeItem(at: site) }
        let built = try TropaProcess.run(["build", site.path])
        #expect(built.stderr.hasPrefix("собрано карт: 1 (файлов: "), "\(built.stderr)")
        #expect(built.stderr.hasSuffix(" — замечаний нет\n"))
        // A map changed: the build updates the output in place and says how much it wrote.
        try Data(map.replacingOccurrences(of: "Найти.", with: "Найти быстро.").utf8)
            .write(to: site.appendingPathComponent("content/map.md"))
        let updated = try TropaProcess.run(["build", site.path])
        #expect(updated.stderr.hasPrefix("обновлено карт: 1 из 1 (записано файлов: "), "\(updated.stderr)")
        let english = try TropaProcess.run(["build", site.path, "--lang", "en"])
        #expect(english.stderr.hasPrefix("up to date: 1 map"), "\(english.stderr)")
        // The record names the tropa that made the output: another, of the same version, builds the site again.
        let record = site.appendingPathComponent(".public.tropa-cache")
        let text = try String(contentsOf: record, encoding: .utf8)
        let id = try #require(text.firstRange(of: #/ build:[0-9a-f]{16,} /#), "\(text.prefix(200))")
        try Data(text.replacingCharacters(in: id, with: " build:" + String(repeating: "0", count: 16) + " ").utf8).write(to: record)
        let rebuilt = try TropaProcess.run(["build", site.path])
        #expect(rebuilt.stderr.hasPrefix("собрано карт: 1 (файлов: "), "\(rebuilt.stderr)")
        let refused = try TropaProcess.run(["build", site.path, "--output", site.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.hasPrefix("ошибка: tropa не станет записывать сайт в "), "\(refused.stderr)")
        #expect(refused.stderr.hasSuffix(": это папка самого сайта\n"))
        let refusedInEnglish = try TropaProcess.run(["build", site.path, "--output", site.path, "--lang", "en"])
        #expect(refusedInEnglish.stderr.hasPrefix("error: refusing to write the site into "), "\(refusedInEnglish.stderr)")
        let missing = try TropaProcess.run(["check", site.appendingPathComponent("nowhere").path, "--lang", "ru"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "ошибка: нет такой папки: \(site.appendingPathComponent("nowhere").path)\n")
    }

    /// A warning is told by every build until it is mended: the first writes the site, the next writes nothing and
    /// says the site is up to date, an update of another map reads the warned one again.
    @Test func aWarningIsToldByEveryBuild() throws {
        let map = "---\ntitle: Карта\n---\n\n## Поиск\n### Цель\nНайти.\n### Действия\n- Ищет\n### Эмоции\n0 Спокойно\n"
        let warned = map.replacingOccurrences(of: "title: Карта\n", with: "title: Карта\nsegmnet: B2B\n")
        let site = try TropaProcess.temporarySite(["tropa.yml": "language: ru\n", "content/map.md": warned,
                                                   "content/other.md": map])
        defer { try? FileManager.default.removeItem(at: site) }
        let warning = "content/map.md:3:1: предупреждение: неизвестный ключ «segmnet» во front-matter [unknown-key]\n"
            + "   3 | segmnet: B2B\n"
        let built = try TropaProcess.run(["build", site.path])
        #expect(built.stderr.hasPrefix(warning) && built.stderr.contains("\nсобрано карт: 2 (файлов: "), "\(built.stderr)")
        #expect(built.stderr.hasSuffix(" — 1 предупреждение в 1 файле\n"))
        let again = try TropaProcess.run(["build", site.path])
        #expect(again.stderr.hasPrefix(warning) && again.stderr.contains("\nвсё уже собрано: карт 2 (файлов: "), "\(again.stderr)")
        #expect(again.stderr.hasSuffix(" — 1 предупреждение в 1 файле\n"))
        try Data(map.replacingOccurrences(of: "Найти.", with: "Найти быстро.").utf8)
            .write(to: site.appendingPathComponent("content/other.md"))
        let updated = try TropaProcess.run(["build", site.path])
        #expect(updated.stderr.hasPrefix(warning) && updated.stderr.contains("\nобновлено карт: 1 из 2 (записано файлов: "),
                "\(updated.stderr)")
        try Data(map.utf8).write(to: site.appendingPathComponent("content/map.md"))
        let mended = try TropaProcess.run(["build", site.path])
        #expect(mended.stderr.hasPrefix("обновлено карт: 1 из 2 (записано файлов: ") && mended.stderr.hasSuffix(" — замечаний нет\n"),
                "\(mended.stderr)")
        let quiet = try TropaProcess.run(["build", site.path])
        #expect(quiet.stderr.hasPrefix("всё уже собрано: карт 2 (файлов: ") && quiet.stderr.hasSuffix(" — замечаний нет\n"),
                "\(quiet.stderr)")
    }

    /// `tropa new` checks its arguments before it reads the site: in `--lang`.
    @Test func newSaysWhatIsWrongWithItsArgumentsInTheLanguageAsked() throws {
        let output = try TropaProcess.run(["new", "Карта", "--stages", "0", "--lang", "ru"])
        #expect(output.status != 0)
        #expect(output.stderr.hasPrefix("ошибка: в --stages укажите число от 1 до 50\n"), "\(output.stderr)")
    }
}
