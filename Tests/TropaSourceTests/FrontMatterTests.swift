import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaBuild
import TropaTesting
import Yams

/// Front-matter: YAML between a first line `---` and the next `---`, read into the map's facts.
@Suite struct FrontMatterTests {
    @Test func splitsAtTheSecondFence() throws {
        let frontMatter = try FrontMatter.split("---\ntitle: Карта\ntags: [a]\n---\n## Этап\n").get()
        #expect(frontMatter.yaml == "title: Карта\ntags: [a]\n")
        #expect(frontMatter.bodyLine == 5)
        // The fence lines are blanked, so the body's line numbers are the file's.
        #expect(frontMatter.body == "\n\n\n\n## Этап\n")
    }

    /// The YAML is composed with Yams's basic resolver rather than its default one, which matched every key against
    /// regular expressions: a value reads as a boolean, a number, null or text as it did. Both compared over YAML
    /// 1.1's words in every case, quoted, tagged, near misses and other types.
    @Test func valuesReadAsWithYamsDefaultResolver() throws {
        let words = ["yes", "no", "true", "false", "on", "off", "y", "n"]
        let values = words.flatMap { word in
            [word, word.uppercased(), word.prefix(1).uppercased() + word.dropFirst(), word.prefix(1) + word.dropFirst().uppercased()]
        } + ["tRUE", "1", "0", "~", "null", "", "'true'", "\"yes\"", "true # да", "да", "1.5", ".inf", "2024-01-01", "<<", "=",
             "[true]", "!!bool true", "!!str true", "|\n  true"]
        var booleans = 0
        for value in values {
            let text = "key: \(value)\n"
            let yams = try #require(try Yams.compose(yaml: text, .default, .default, .utf8)?.mapping?["key"])
            var reader = YAMLReader(file: "tropa.yml", lineOffset: 0, syntaxCode: .configInvalid, typeCode: .configInvalid)
            let node = try #require(reader.compose(text)?.mapping?["key"])
            #expect(node.bool == yams.bool && node.int == yams.int && node.float == yams.float
                    && (node.null == nil) == (yams.null == nil) && node.scalar?.string == yams.scalar?.string, "\(value)")
            if yams.bool != nil { booleans += 1 }
        }
        // Yams reads `yES` as `yes`, but never a quoted or `!!str` one.
        #expect(booleans == 27)
        // Keys are texts to the readers, and now to the check for keys written twice too: `1` and `'1'` are one.
        var reader = YAMLReader(file: "tropa.yml", lineOffset: 0, syntaxCode: .configInvalid, typeCode: .configInvalid)
        #expect(reader.compose("1: a\n'1': b\n") == nil)
        #expect(reader.diagnostics.map(\.code) == [.configInvalid])
        #expect(try Yams.compose(yaml: "1: a\n'1': b\n", .default, .default, .utf8)?.mapping?.count == 2)
        // Through the reader: a plain `On` is true, a quoted one and a number are not booleans, a lone number is a tag
        // list of one only when it is text.
        var config = YAMLReader(file: "tropa.yml", lineOffset: 0, syntaxCode: .configInvalid, typeCode: .configInvalid)
        let root = config.compose("a: On\nb: 'On'\nc: 1\nd: saas\n")
        let fields = config.fields(of: try #require(root), what: .config)
        #expect(fields.map { config.bool($0) } == [true, nil, nil, nil])
        #expect(config.strings(fields[2]) == nil && config.strings(fields[3]) == ["saas"])
        // The one value read otherwise: an alias of an anchored key shares the key's tag, now text.
        let composed = config.compose("&k yes: x\ndraft: *k\n")
        let anchored = try #require(composed?.mapping?["draft"])
        #expect(anchored.bool == nil)
        #expect(try Yams.compose(yaml: "&k yes: x\ndraft: *k\n", .default, .default, .utf8)?.mapping?["draft"]?.bool == true)
    }

    @Test func fencesMayHaveTrailingSpaces() throws {
        let frontMatter = try FrontMatter.split("--- \ntitle: Карта\n---\t\n").get()
        #expect(frontMatter.yaml == "title: Карта\n")
        #expect(frontMatter.bodyLine == 4)
        #expect(frontMatter.body == "\n\n\n")
    }

    @Test func anEmptyFrontMatterSplits() throws {
        let frontMatter = try FrontMatter.split("---\n---\nТекст").get()
        #expect(frontMatter.yaml == "")
        #expect(frontMatter.bodyLine == 3)
    }

    @Test(arguments: ["", "## Этап\n", "title: Карта\n---\n", " ---\ntitle: x\n---\n", "----\ntitle: x\n----\n",
                      "--- title\n---\n"])
    func noOpeningFenceIsMissing(text: String) {
        #expect(throws: FrontMatter.Failure.missing) { try FrontMatter.split(text).get() }
    }

    @Test(arguments: ["---", "---\n", "---\ntitle: Карта\n", "---\ntitle: Карта\n----\n## Этап\n"])
    func noClosingFenceIsUnclosed(text: String) {
        #expect(throws: FrontMatter.Failure.unclosed) { try FrontMatter.split(text).get() }
    }

    @Test func everyKnownKeyIsRead() {
        let (journey, diagnostics) = Check.journey("""
            ---
            title: "  Клиент выбирает CRM  "
            persona: head-of-sales
            product: Lumus
            segment: B2B
            tags: [saas, скрипты продаж]
            updated: 2024-03-01
            draft: true
            ---
            ## Этап
            ### Цель
            Найти.
            ### Действия
            - Ищет
            ### Эмоции
            0 Спокойно

            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(journey.title == "Клиент выбирает CRM")
        #expect(journey.personaID == "head-of-sales")
        #expect(journey.personaLocation == TropaModel.SourceLocation(file: "content/map.md", line: 3, column: 10))
        #expect(journey.product == "Lumus")
        #expect(journey.segment == "B2B")
        #expect(journey.tags == ["saas", "скрипты продаж"])
        #expect(journey.updated == "2024-03-01")
        #expect(journey.draft)
    }

    @Test func scalarsAreTakenAsWritten() {
        let (journey, diagnostics) = Check.journey("---\ntitle: 2024\nproduct: 1.0\ntags: b2b\nupdated: 2024-03-01 10:00\n---\n")
        #expect(diagnostics.codes == [.noStages])
        #expect(journey.title == "2024")
        #expect(journey.product == "1.0")
        #expect(journey.tags == ["b2b"])
        #expect(journey.updated == "2024-03-01")
    }

    @Test(arguments: [
        ("tags: 5", 3, "\"tags\" should be a list, like [b2b, saas], not \"5\""),
        ("draft: maybe", 3, "\"draft\" should be true or false, not \"maybe\""),
        ("draft: [yes]", 3, "\"draft\" should be true or false, not a list"),
        ("updated: 1 марта", 3, "\"updated\" should be a date like 2024-03-01, not \"1 марта\""),
        ("updated: 2024-13-01", 3, "\"updated\" should be a date like 2024-03-01, not \"2024-13-01\""),
        ("product: {name: Lumus}", 3, "\"product\" should be text"),
        ("tags: [a, [b]]", 3, "the items of \"tags\" should be texts, like [b2b, saas]"),
    ])
    func wrongTypesAreErrorsAtTheirKey(line: String, at lineNumber: Int, message: String) throws {
        let (_, diagnostics) = Check.journey("---\ntitle: Карта\n\(line)\n---\n## Этап\n" + Check.requiredLayers)
        let problem = try #require(diagnostics.first)
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(problem.code == .frontMatterType)
        #expect(problem.severity == .error)
        #expect(problem.location.line == lineNumber)
        #expect(problem.message(in: .en) == message)
    }

    @Test func aYAMLSyntaxErrorIsAtTheParsersPosition() {
        let (_, diagnostics) = Check.journey("---\ntitle: Карта\ntags: [saas, crm\n---\n## Этап\n" + Check.requiredLayers)
        // The parser notices the missing "]" where the YAML ends, at the closing fence; it is told where the list opens.
        #expect(diagnostics.found == [Found(.frontMatterSyntax, .error, 3, 7)])
        #expect(diagnostics.first?.message(in: .en)
            == "the YAML does not parse: while parsing a flow sequence, did not find expected ',' or ']'")
    }

    @Test func aTabIndentGetsAHint() {
        let (_, diagnostics) = Check.journey("---\ntitle: Карта\ntags:\n\t- saas\n---\n## Этап\n" + Check.requiredLayers)
        #expect(diagnostics.found == [Found(.frontMatterSyntax, .error, 4, 1)])
        #expect(diagnostics.first?.suggestion(in: .en) == "indent YAML with spaces, not tabs")
    }

    @Test func aKeyGivenTwiceIsASyntaxError() {
        let (_, diagnostics) = Check.journey("---\ntitle: Карта\npersona: rop\ntitle : Другая\n---\n## Этап\n" + Check.requiredLayers)
        // At the key written again, not the first.
        #expect(diagnostics.found == [Found(.frontMatterSyntax, .error, 4, 1)])
        #expect(diagnostics.first?.message(in: .en) == "the key \"title\" is given twice")
    }

    @Test func aFrontMatterThatIsNotAMappingIsATypeError() {
        let (_, diagnostics) = Check.journey("---\n- title\n- Карта\n---\n## Этап\n" + Check.requiredLayers)
        #expect(diagnostics.found == [Found(.missingTitle, .error, 1, 1), Found(.frontMatterType, .error, 2, 1)])
    }

    @Test func anEmptyTitleIsAMissingTitle() {
        let quoted = Check.journey("---\ntitle: \"\"\n---\n## Этап\n" + Check.requiredLayers)
        #expect(quoted.diagnostics.found == [Found(.missingTitle, .error, 2, 1)])
        #expect(quoted.diagnostics.first?.message(in: .en) == "the title is empty")
        let blank = Check.journey("---\ntitle:\n---\n## Этап\n" + Check.requiredLayers)
        #expect(blank.diagnostics.found == [Found(.missingTitle, .error, 2, 1)])
    }

    @Test func unknownKeysAreWarningsWithASuggestion() {
        let (journey, diagnostics) = Check.journey("---\ntitle: Карта\ntgas: [a]\nauthor: Аня\n---\n## Этап\n" + Check.requiredLayers)
        #expect(diagnostics.found == [Found(.unknownKey, .warning, 3, 1), Found(.unknownKey, .warning, 4, 1)])
        #expect(diagnostics.map { $0.suggestion(in: .en) } == ["did you mean \"tags\"?",
                                                  "known keys: title, persona, product, segment, tags, updated, draft, audience, evidence, priority, revenue, compare, measurements, review"])
        #expect(journey.tags == [])
    }

    /// A key indented under one that has its value: the help says to start the line with the key, not to quote.
    @Test func anIndentedKeyIsToldToStartItsLine() {
        for (text, key) in [("---\ntitle: Карта\n  persona: klient\n---\n", "persona"), ("---\ntitle: Карта\n segment: B2B\n---\n", "segment")] {
            let diagnostics = Check.journey(text + "## Этап\n" + Check.requiredLayers).diagnostics
            #expect(diagnostics.first?.code == .frontMatterSyntax && diagnostics.first?.location.line == 3)
            #expect(diagnostics.first?.help == .removeIndent(key))
        }
        // A colon inside a value, or in a value wrapped onto the next line, is no indented key: quoting is the help.
        for text in ["---\ntitle: Карта: итог: два\n---\n", "---\ntitle: Клиент выбирает\n  CRM: итоги\n---\n"] {
            #expect(Check.journey(text + "## Этап\n" + Check.requiredLayers).diagnostics.first?.help == .quoteColonValue)
        }
        // A schema's keys may be indented: its problems get no front-matter help.
        let (_, schemaProblems) = SchemaParser.parse(SourceText(path: "schema.yml", text: "layers:\n  - id: a\n    title: Боли\n      kind: list\n"))
        #expect(schemaProblems.first.map { $0.help != .removeIndent("kind") } == true)
    }

    @Test func aRussianWordForAKeyIsNamedInEnglish() {
        let (journey, diagnostics) = Check.journey("---\ntitle: Карта\nсегмент: B2B\nТеги: [a]\nчерновк: true\n---\n## Этап\n"
                                                   + Check.requiredLayers)
        #expect(diagnostics.found == [Found(.unknownKey, .warning, 3, 1), Found(.unknownKey, .warning, 4, 1),
                                      Found(.unknownKey, .warning, 5, 1)])
        #expect(diagnostics.map { $0.suggestion(in: .ru) } == ["ключи пишутся по-английски: «segment»",
                                                                "ключи пишутся по-английски: «tags»",
                                                                "ключи пишутся по-английски: «draft»"])
        #expect(journey.segment == nil)
    }

    /// `название:` is the title written in Russian: one error, at it, not at the file's first line with an
    /// unknown-key warning beside it.
    @Test func theTitleInRussianIsOneErrorAtItsKey() {
        let (_, diagnostics) = Check.journey("---\nпродукт: Lumus\nназвание: Карта\n---\n## Этап\n" + Check.requiredLayers)
        #expect(diagnostics.found == [Found(.unknownKey, .warning, 2, 1), Found(.missingTitle, .error, 3, 1)])
        #expect(diagnostics.last?.suggestion(in: .ru) == "ключи пишутся по-английски: «title»")
        let (_, none) = Check.journey("---\nproduct: Lumus\n---\n## Этап\n" + Check.requiredLayers)
        #expect(none.found == [Found(.missingTitle, .error, 1, 1)])
    }

    @Test func aRussianWordForAKeyTheFileDoesNotHaveGetsTheListOfKeys() {
        let persona = PersonaParser(unsafeHTML: false).parse(SourceText(path: "content/personas/a.md", text: "---\nname: Аня\nсегмент: B2B\n---\n"), id: "a")
        #expect(persona.diagnostics.map { $0.suggestion(in: .ru) } == ["ключи бывают такие: name, role, tags"])
    }

    @Test func theBodyStartsWhereTheFrontMatterEnds() {
        let (journey, _) = Check.journey("---\ntitle: Карта\n---\nВступление.\n## Этап\n### Цель\nНайти.\n")
        #expect(journey.introduction.plain == "Вступление.")
        #expect(journey.stages.first?.location == TropaModel.SourceLocation(file: "content/map.md", line: 5, column: 4))
        #expect(journey.stages.first?.layers.first?.location == TropaModel.SourceLocation(file: "content/map.md", line: 6, column: 5))
    }
}
