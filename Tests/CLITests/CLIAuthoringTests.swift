import Foundation
import Testing
import TropaTesting

/// The author's workflow end to end, through the built binary: init, new, check, build, schema.
@Suite struct CLIAuthoringTests {
    private func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("tropa-author-\(UUID().uuidString)")
    }

    @Test(arguments: ["en", "ru"])
    func initThenCheckThenBuild(language: String) throws {
        let site = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: site) }
        let created = try TropaProcess.run(["init", site.path, "--language", language])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.hasPrefix(language == "ru" ? "сайт создан в \(site.path): запустите `tropa build"
                                                          : "created a site in \(site.path): run `tropa build"))
        let config = try String(contentsOf: site.appendingPathComponent("tropa.yml"), encoding: .utf8)
        #expect(config.contains("language: \(language)"))
        // Its comment in the site's language, with the format's page where the new site has none of tropa's docs.
        #expect(config.hasPrefix(language == "ru" ? "# Настройки сайта; все ключи необязательны. Какие бывают — в docs/format.md\n"
                                                  : "# Site settings; every key is optional. The keys are in docs/format.md\n"))
        #expect(config.contains("https://github.com/tropa-cjm/tropa/blob/main/docs/format.md\n"))
        let workflow = try String(contentsOf: site.appendingPathComponent(".github/workflows/cjm.yml"), encoding: .utf8)
        #expect(workflow.contains("tropa check --format github"))
        #expect(workflow.contains("tropa build"))
        #expect(workflow.contains("actions/deploy-pages"))

        let check = try TropaProcess.run(["check", site.path, "--strict"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains(language == "ru" ? "проверено карт: 1, персон: 1 — замечаний нет"
                                                       : "checked 1 map and 1 persona: no problems found"))
        #expect(check.stdout.isEmpty)
        let build = try TropaProcess.run(["build", site.path])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(!build.stderr.contains("note:") && !build.stderr.contains("примечание"), "\(build.stderr)")
        let page = try String(contentsOf: site.appendingPathComponent("public/example/index.html"), encoding: .utf8)
        #expect(page.contains("<html lang=\"\(language)\">"))
        // What the build leaves beside the output is ignored by git as the output is.
        let ignored = try String(contentsOf: site.appendingPathComponent(".gitignore"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasPrefix(".public.") }.sorted()
        #expect(beside == [".public.tropa-cache", ".public.tropa-facts", ".public.tropa-lock"])
        #expect(ignored.contains("public/") && beside.allSatisfy(ignored.contains))
        // And what an update stopped halfway leaves, until the next build finishes it.
        #expect(ignored.contains(".public.tropa-journal") && ignored.contains(".public.tropa-staging/")
                && ignored.contains(".public.tropa-spool"))
        // And the log a build with history keeps, inside a git work tree.
        #expect(ignored.contains(".public.tropa-history"))
        #expect(page.contains("class=\"tropa-curve\""))

        let again = try TropaProcess.run(["init", site.path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("is not empty"))
    }

    /// `--folder` puts the map in a folder under content/, made if need be, named as written; a slash in a title
    /// stays in the title.
    @Test func aNewMapInAFolder() throws {
        let site = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(try TropaProcess.run(["init", site.path, "--language", "ru"]).status == 0)
        let created = try TropaProcess.run(["new", "Онбординг B2B/B2C", "--folder", "онлайн", "--site", site.path])
        #expect(created.status == 0, "\(created.stderr)")
        let text = try String(contentsOf: site.appendingPathComponent("content/онлайн/onbording-b2b-b2c.md"), encoding: .utf8)
        #expect(text.contains("title: \"Онбординг B2B/B2C\""))
        #expect(try TropaProcess.run(["check", site.path]).status == 0)
        for folder in ["personas", "../вне", ".скрытая", "/tmp"] {
            let refused = try TropaProcess.run(["new", "Карта", "--folder", folder, "--site", site.path])
            #expect(refused.status != 0 && refused.stderr.contains("не папка для карт"), "\(folder): \(refused.stderr)")
        }
    }

    @Test func aNewMapPassesTheCheckWithWarningsUntilItIsNoLongerADraft() throws {
        let site = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(try TropaProcess.run(["init", site.path, "--language", "ru"]).status == 0)
        let created = try TropaProcess.run(["new", "Клиент уходит к конкуренту", "--persona", "customer",
                                            "--stages", "2", "--site", site.path])
        #expect(created.status == 0, "\(created.stderr)")
        let file = site.appendingPathComponent("content/klient-ukhodit-k-konkurentu.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("title: \"Клиент уходит к конкуренту\""))
        #expect(text.contains("persona: \"customer\""))
        #expect(text.contains("\n## Осознание потребности\n") && text.contains("\n## Поиск информации\n"))
        #expect(text.components(separatedBy: "### Эмоции").count - 1 == 2)
        #expect(text.components(separatedBy: "### Рекомендации").count - 1 == 2)

        // A draft: the check passes, and says what is still to fill in.
        let draft = try TropaProcess.run(["check", site.path, "--format", "json"])
        #expect(draft.status == 0, "\(draft.stdout)")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(draft.stdout.utf8)) as? [[String: Any]])
        #expect(!entries.isEmpty)
        #expect(entries.allSatisfy { $0["severity"] as? String == "warning" })
        // Every layer of the skeleton is empty: one warning, at the first, says how many more.
        let missing = entries.filter { $0["code"] as? String == "missing-layer" }
        #expect(missing.count == 1 && entries.count == 1)
        let lines = text.components(separatedBy: "\n")
        let line = try #require(missing.first?["line"] as? Int)
        #expect(lines[line - 1] == "### Цель")
        let layers = lines.count { $0.hasPrefix("### ") }
        #expect((missing.first?["message"] as? String)?.hasSuffix("; и ещё пустых или недостающих слоёв и этапов в черновике: \(layers - 1)") == true,
                "\(missing)")
        // Built without `--drafts`, the draft is left out, and the build says so; with it, nothing is left out.
        let built = try TropaProcess.run(["build", site.path])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr.contains("примечание: 1 черновик не собран (с --drafts войдут и черновики)"),
                "\(built.stderr)")
        let all = try TropaProcess.run(["build", site.path, "--drafts"])
        #expect(all.status == 0, "\(all.stderr)")
        #expect(!all.stderr.contains("примечание"), "\(all.stderr)")
        #expect(try TropaProcess.run(["check", site.path, "--strict"]).status == 1)

        // No longer a draft: the empty required layers are errors.
        let published = lines.filter { $0 != "draft: true" }
        try published.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let errors = try TropaProcess.run(["check", site.path])
        #expect(errors.status == 1)
        #expect(errors.stderr.contains("6 ошибок"), "\(errors.stderr)")

        // Fill in the required layers and remove the optional ones: the map is accepted.
        var filled: [String] = []
        for line in published {
            switch line {
            case "### Цель": filled += [line, "Найти замену."]
            case "### Действия": filled += [line, "- Сравнивает тарифы"]
            case "### Эмоции": filled += [line, "-1 Раздражение"]
            case let heading where heading.hasPrefix("### "): continue
            default: filled.append(line)
            }
        }
        try filled.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let accepted = try TropaProcess.run(["check", site.path, "--strict"])
        #expect(accepted.status == 0, "\(accepted.stderr)")

        let twice = try TropaProcess.run(["new", "Клиент уходит к конкуренту", "--site", site.path])
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("уже есть; выберите другое название"), "the site is in Russian")
    }

    /// `tropa import` end to end: a diagram saved on Windows is read line for line, and one not in UTF-8 is an
    /// `invalid-encoding` diagnostic at its byte, not text with replacement characters.
    @Test func aMermaidDiagramIsImportedAsADraftThatChecks() throws {
        let site = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(try TropaProcess.run(["init", site.path, "--language", "ru"]).status == 0)
        let diagram = site.appendingPathComponent("day.mmd")
        try Data("journey\r\n  title Мой день\r\n  section Дорога\r\r\n    Кофе: 5: Я\r\n    Пробка: 1: Я\r\n".utf8)
            .write(to: diagram)
        let imported = try TropaProcess.run(["import", diagram.path, "--output", "content/day.md", "--site", site.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("[mermaid-score]") == false)
        let map = try String(contentsOf: site.appendingPathComponent("content/day.md"), encoding: .utf8)
        #expect(map.contains("title: \"Мой день\""))
        #expect(map.contains("## Дорога") && map.contains("Кофе") && map.contains("Пробка"))
        #expect(try TropaProcess.run(["check", site.path]).status == 0)
        // A diagram with a warning over a map that exists: refused with the reason alone, the warning told when the
        // map is written.
        try Data("journey\n  title Мой день\n  section Дорога\n    Кофе: 7: Я\n".utf8).write(to: diagram)
        let again = try TropaProcess.run(["import", diagram.path, "--output", "content/day.md", "--site", site.path])
        #expect(again.status == 2)
        #expect(again.stderr == "ошибка: \(site.path)/content/day.md уже есть; выберите другое название\n")
        let elsewhere = try TropaProcess.run(["import", diagram.path, "--output", "content/day-2.md", "--site", site.path])
        #expect(elsewhere.status == 0, "\(elsewhere.stderr)")
        #expect(elsewhere.stderr.components(separatedBy: "[mermaid-score]").count == 2, "the warning once")

        let bad = site.appendingPathComponent("bad.mmd")
        try Data([0x6A, 0x6F, 0x75, 0x72, 0x6E, 0x65, 0x79, 0x0A, 0x73, 0x65, 0x63, 0x74, 0x69, 0x6F, 0x6E, 0x20, 0xC4, 0xEE])
            .write(to: bad)
        let refused = try TropaProcess.run(["import", bad.path, "--site", site.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("\(bad.path):2:9") && refused.stderr.contains("invalid-encoding"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("content/bad.md").path))
    }

    @Test func aNewMapForAPersonaThatDoesNotExistIsNotWritten() throws {
        let site = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(try TropaProcess.run(["init", site.path]).status == 0)
        let created = try TropaProcess.run(["new", "Churn", "--persona", "custmer", "--site", site.path])
        #expect(created.status == 2)
        #expect(created.stderr == "error: no persona \"custmer\" in content/personas/\n  help: did you mean \"customer\"?\n")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("content/churn.md").path))

        #expect(try TropaProcess.run(["new", "Churn", "--persona", "customer", "--site", site.path]).status == 0)
        let text = try String(contentsOf: site.appendingPathComponent("content/churn.md"), encoding: .utf8)
        #expect(text.contains("\n## Need awareness\n") && text.contains("\n## Choice\n"))
        #expect(try TropaProcess.run(["check", site.path]).status == 0)
    }

    @Test func theSchemaAsYAMLChangesNothingInTheBuild() throws {
        let site = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(try TropaProcess.run(["init", site.path, "--language", "ru"]).status == 0)
        #expect(try TropaProcess.run(["build", site.path, "--output", site.appendingPathComponent("before").path]).status == 0)

        let yaml = try TropaProcess.run(["schema", site.path, "--format", "yaml"])
        #expect(yaml.status == 0)
        #expect(yaml.stdout.contains("- id: emotions"))
        try yaml.stdout.write(to: site.appendingPathComponent("schema.yml"), atomically: true, encoding: .utf8)
        let after = try TropaProcess.run(["build", site.path, "--output", site.appendingPathComponent("after").path])
        #expect(after.status == 0, "\(after.stderr)")

        let before = try files(under: site.appendingPathComponent("before"))
        #expect(!before.isEmpty)
        #expect(try files(under: site.appendingPathComponent("after")) == before)

        let markdown = try TropaProcess.run(["schema", site.path])
        #expect(markdown.stdout.contains("| emotions | Emotions (en), Эмоции (ru) | emotion | да |"))
        let english = try TropaProcess.run(["schema", site.path, "--lang", "en"])
        #expect(english.stdout.hasPrefix("# Layer schema\n\nEmotion scale: -2 to 2"))
        #expect(english.stdout.contains("| emotions | Emotions (en), Эмоции (ru) | emotion | yes |"))
    }

    private func files(under folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if let data = FileManager.default.contents(atPath: url.path), !url.hasDirectoryPath {
                result[String(url.path.dropFirst(folder.path.count))] = data
            }
        }
        return result
    }
}

/// `tropa new --branches` writes a fork the check accepts; labels that make no fork stop before anything is written.
@Suite struct CLINewBranchesTests {
    @Test func aForkIsWrittenAndChecks() throws {
        let site = try TropaProcess.temporarySite(["tropa.yml": "language: ru\n"])
        defer { try? FileManager.default.removeItem(at: site) }
        let created = try TropaProcess.run(["new", "Семья выбирает диван", "--stages", "1", "--branches", "Онлайн, Офлайн",
                                            "--site", site.path])
        #expect(created.status == 0, "\(created.stderr)")
        let text = try String(contentsOf: site.appendingPathComponent("content/semya-vybiraet-divan.md"), encoding: .utf8)
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("## ") }
            == ["## Осознание потребности", "## Поиск информации {Онлайн}", "## Поиск информации {Офлайн}", "## Выбор"])
        #expect(try TropaProcess.run(["check", site.path]).status == 0)
        let refused = try TropaProcess.run(["new", "Ещё карта", "--branches", "Онлайн", "--site", site.path])
        #expect(refused.status == 2)
        // In the site's language, though its settings are read after the arguments are checked.
        #expect(refused.stderr.contains("для развилки нужны хотя бы две ветки"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("content/eshchyo-karta.md").path))
    }

    /// `tropa theme --copy` writes the built-in files into the site's templates folder and never over one there; the
    /// copies change no page; a name the theme has not stops it before anything is written.
    @Test func themeCopyWritesTheBuiltInFilesAndOverwritesNone() throws {
        let map = RenderBuild.russianMap(body: RenderBuild.stage("Поиск решения"))
        let site = try TropaProcess.temporarySite(["content/map.md": map, "tropa.yml": "language: ru\n",
                                                   "templates/style.css": "body { color: red; }\n"])
        defer { try? FileManager.default.removeItem(at: site) }
        let before = try TropaProcess.run(["build", site.path, "--output", site.appendingPathComponent("before").path])
        #expect(before.status == 0, "\(before.stderr)")
        let unknown = try TropaProcess.run(["theme", site.path, "--copy", "card", "jorney"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "ошибка: во встроенной теме нет файла «jorney»\n  подсказка: может быть, «journey»?\n")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("templates/card.mustache").path))
        // The site named after --copy is taken for a file: the help says where it goes.
        let misplaced = try TropaProcess.run(["theme", "--copy", "card", site.path], in: site)
        #expect(misplaced.status == 2)
        #expect(misplaced.stderr.hasSuffix("подсказка: \(site.path) — папка: папку сайта пишут до --copy (tropa theme \(site.path) --copy …)\n"))
        // A folder that is no site (its content/ folder, say) gets no templates: the site above would publish them.
        let content = site.appendingPathComponent("content")
        let notASite = try TropaProcess.run(["theme", content.path, "--copy", "card"])
        #expect(notASite.status == 2)
        #expect(notASite.stderr == "error: no content folder: \(content.path)/content (maps go in content/*.md)\n")
        #expect(!FileManager.default.fileExists(atPath: content.appendingPathComponent("templates").path))
        let copied = try TropaProcess.run(["theme", site.path, "--copy", "card", "style.css", "journey"])
        #expect(copied.status == 0, "\(copied.stderr)")
        let templates = site.path + "/templates"
        #expect(copied.stdout.hasPrefix("записан \(templates)/card.mustache\n\(templates)/style.css уже есть: оставлен как был\n"
                                        + "записан \(templates)/journey.mustache\nМеняйте копии там"))
        #expect(try String(contentsOfFile: templates + "/style.css", encoding: .utf8) == "body { color: red; }\n")
        #expect(try String(contentsOfFile: templates + "/card.mustache", encoding: .utf8).contains("{{#draft}}"))
        let listed = try TropaProcess.run(["theme", site.path])
        #expect(listed.stdout.contains("card.mustache          копия сайта, текст встроенного\n"))
        #expect(listed.stdout.contains("style.css              свой у сайта\n"))
        #expect(listed.stdout.contains("base.mustache          встроенный\n"))
        // The copies change no page.
        let after = try TropaProcess.run(["build", site.path, "--output", site.appendingPathComponent("after").path])
        #expect(after.status == 0, "\(after.stderr)")
        for page in ["index.html", "map/index.html"] {
            #expect(try Data(contentsOf: site.appendingPathComponent("before/" + page))
                    == Data(contentsOf: site.appendingPathComponent("after/" + page)), "\(page)")
        }
    }
}
