import Testing
@testable import TropaModel
@testable import TropaSource
import TropaBuild

/// One listing gives every input of a build, each in its role.
@Suite struct SiteInputsTests {
    @Test func mapsPersonasAndStaticFilesAreToldByTheirNames() throws {
        let site = MemoryFileSystem(files: [
            "site/tropa.yml": "title: x\n", "site/content/a.md": "", "site/content/Б/В.MD": "", "site/content/c.Md": "",
            "site/content/personas/анна.md": "", "site/content/notes.mdx": "", "site/content/md": "",
            "site/content/img/logo.svg": "", "site/templates/card.mustache": "",
        ])
        let inputs = try SiteInputs.list(root: "site", config: SiteConfig(), reader: site)
        #expect(inputs.maps == ["content/a.md", "content/c.Md", "content/Б/В.MD"])
        #expect(inputs.personas.map(\.id) == ["анна"] && inputs.personas.map(\.path) == ["content/personas/анна.md"])
        #expect(inputs.staticFiles.map(\.outputPath) == ["img/logo.svg", "md", "notes.mdx"])
        #expect(inputs.templates == ["templates/card.mustache"])
        #expect(inputs.watched == ["tropa.yml", "schema.yml", "content/a.md", "content/c.Md", "content/img/logo.svg",
                                   "content/md", "content/notes.mdx", "content/personas/анна.md", "content/Б/В.MD",
                                   "templates/card.mustache"])
    }

    /// Names in a folder are sorted by their first sixteen bytes as two words and their lengths: every pair of
    /// names below compares as their bytes do, and those words cannot tell only two names longer than sixteen bytes
    /// that begin alike.
    @Test func namesCompareAsTheirBytesDo() {
        let sixteen = String(repeating: "a", count: 16)
        let names = ["", "a", "b", "ab", "a-b", "a.b", "A", "Я", "ё", "~", "\u{7F}", "z.md", "карта-10.md", "карта-9.md",
                     "ﬀ", String(sixteen.dropLast()), sixteen, sixteen + "b", sixteen + "-", sixteen + "aaaab",
                     sixteen + "aaaaa", String(sixteen.dropLast()) + "b", String(repeating: "я", count: 8),
                     String(repeating: "я", count: 8) + "a", String(repeating: "я", count: 7) + "a", "\u{FF}\u{FF}"]
        let order = NameOrder.init
        for first in names {
            for second in names {
                let bytes = Array(first.utf8).lexicographicallyPrecedes(Array(second.utf8))
                let told = order(first).precedes(order(second))
                let alike = first.utf8.prefix(16).elementsEqual(second.utf8.prefix(16)) && min(first.utf8.count, second.utf8.count) > 16
                #expect(told == (alike ? nil : bytes), "\(first) before \(second)")
            }
        }
    }
}
