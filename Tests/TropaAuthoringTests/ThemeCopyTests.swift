import Testing
@testable import TropaModel
@testable import TropaOutput
@testable import TropaAuthoring

/// `tropa theme`: how a site has each file of the built-in theme, and which files `--copy` writes (never one the
/// folder has).
@Suite struct ThemeCopyTests {
    let theme = ThemeCopy(folder: "site/templates")

    @Test func eachFileIsBuiltInTheSitesCopyOrItsOwn() throws {
        let card = try #require(BuiltInThemeFiles.copy(of: "card.mustache"))
        #expect(card.contains("<li class=\"card\">"), "a partial made in code is copied as its Mustache text")
        #expect(BuiltInThemeFiles.copy(of: "base.mustache") == EmbeddedTheme.files["base.mustache"])
        let files = ["site/templates/card.mustache": card, "site/templates/style.css": "body { color: red; }\n",
                     "site/templates/base.mustache": EmbeddedTheme.files["base.mustache"]!]
        let statuses = Dictionary(uniqueKeysWithValues: theme.statuses { files[$0] }.map { ($0.name, $0.status) })
        #expect(statuses.count == EmbeddedTheme.files.count)
        #expect(statuses["card.mustache"] == .sameAsBuiltIn && statuses["base.mustache"] == .sameAsBuiltIn)
        #expect(statuses["style.css"] == .own && statuses["journey.mustache"] == .builtIn)
    }

    @Test func copyWritesTheNamedFilesOnceAndKeepsThoseThere() throws {
        let steps = try theme.steps(for: ["base", "style.css", "base.mustache", "cell"]) { $0 == "site/templates/style.css" }.get()
        #expect(steps == [.write(path: "site/templates/base.mustache", text: EmbeddedTheme.files["base.mustache"]!),
                          .keep(path: "site/templates/style.css"),
                          .write(path: "site/templates/cell.mustache", text: EmbeddedTheme.editable["cell.mustache"]!)])
        #expect(try theme.steps(for: ["style"]) { _ in false }.get() == [.write(path: "site/templates/style.css", text: EmbeddedTheme.files["style.css"]!)])
        let all = try theme.steps(for: ["all", "base"]) { _ in false }.get()
        #expect(all.count == EmbeddedTheme.files.count, "every file once")
        #expect(try theme.steps(for: ["all"]) { _ in true }.get().allSatisfy { if case .keep = $0 { true } else { false } })
    }

    @Test func aNameTheThemeHasNotIsSaidWithTheOneMeant() {
        #expect(throws: ThemeCopy.UnknownFile(name: "jorney", message: .themeFileUnknown("jorney"), help: .didYouMean("journey"))) {
            try theme.steps(for: ["base", "jorney"]) { _ in false }.get()
        }
        guard case .failure(let unknown) = theme.steps(for: ["logo.svg"], exists: { _ in false }) else {
            Issue.record("logo.svg is no file of the theme")
            return
        }
        #expect(unknown.help.text(in: .ru).hasPrefix("её файлы: analysis, base, card,"))
        #expect(unknown.help.text(in: .ru).hasSuffix("style.css или all — все"))
        #expect(unknown.message.text(in: .ru) == "во встроенной теме нет файла «logo.svg»")
    }
}
