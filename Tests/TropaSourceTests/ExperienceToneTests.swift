import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaBuild
import TropaTesting

/// Items of the `experience` layer may start with `+` or `−`/`-` to mark a good or bad experience.
@Suite struct ExperienceToneTests {
    static func items(_ lines: String) -> [ListItem]? {
        Check.layer("experience", "### Опыт\n" + lines)?.items
    }

    @Test(arguments: [
        ("- + Демо на своих скриптах", Tone.positive),
        ("- +Демо на своих скриптах", .positive),
        ("- - Демо на своих скриптах", .negative),
        ("- −Демо на своих скриптах", .negative),
        ("- − Демо на своих скриптах", .negative),
        ("- – Демо на своих скриптах", .negative),
        ("* + Демо на своих скриптах", .positive),
    ])
    func signsMarkTheTone(line: String, tone: Tone) throws {
        let items = try #require(Self.items(line + "\n"))
        #expect(items.map(\.tone) == [tone])
        #expect(items.map(\.text.plain) == ["Демо на своих скриптах"])
        #expect(items.map(\.text.html) == ["Демо на своих скриптах"])
    }

    @Test func itemsWithoutASignHaveNoTone() throws {
        let items = try #require(Self.items("- Обычный опыт\n"))
        #expect(items.map(\.tone) == [nil])
        #expect(items.map(\.text.plain) == ["Обычный опыт"])
    }

    @Test func markupAfterTheSignIsKept() throws {
        let items = try #require(Self.items("- + **Быстрый** ответ\n- − Долгий *договор*\n"))
        #expect(items.map(\.tone) == [.positive, .negative])
        #expect(items.map(\.text.html) == ["<strong>Быстрый</strong> ответ", "Долгий <em>договор</em>"])
        #expect(items.map(\.line) == [7, 8])
    }

    @Test func mixedItemsKeepTheirOrder() throws {
        let items = try #require(Self.items("- + Быстро\n- Нейтрально\n- - Долго\n"))
        #expect(items.map(\.tone) == [.positive, nil, .negative])
        #expect(items.map(\.text.plain) == ["Быстро", "Нейтрально", "Долго"])
    }

    /// A list indented two spaces under a toned item is, to Markdown, more items of the tone's list (the same
    /// marker) or a list beside it (another marker): either way it is read under the toned text, and the tone kept.
    @Test(arguments: [
        ("- - Долго\n  - ждал ответа\n  - два дня\n", Tone.negative, "Долго"),
        ("- + Быстро\n  - ждал ответа\n  - два дня\n", .positive, "Быстро"),
        ("- - Долго\n    - ждал ответа\n    - два дня\n", .negative, "Долго"),
        ("- + Быстро\n    - ждал ответа\n    - два дня\n", .positive, "Быстро"),
    ])
    func aListIndentedUnderATonedItemIsUnderItsText(lines: String, tone: Tone, text: String) throws {
        let items = try #require(Self.items(lines + "- Нейтрально\n"))
        #expect(items.map(\.tone) == [tone, nil])
        #expect(items.map(\.text.plain) == [text + " ждал ответа два дня", "Нейтрально"])
        #expect(items[0].text.outline == [TextBlock(text, [TextBlock("ждал ответа"), TextBlock("два дня")])])
        #expect(items[0].text.html == text + "<ul>\n<li>ждал ответа</li>\n<li>два дня</li>\n</ul>")
    }

    /// A paragraph after a toned item, indented as the item's text, is read under it too.
    @Test func aParagraphAfterATonedItemIsUnderItsText() throws {
        let items = try #require(Self.items("- + Быстро\n\n  Ответили за минуту.\n"))
        #expect(items.map(\.tone) == [.positive])
        #expect(items[0].text.plain == "Быстро Ответили за минуту.")
        #expect(items[0].text.outline == [TextBlock("Быстро", [TextBlock("Ответили за минуту.")])])
        #expect(items[0].text.html == "Быстро<p>Ответили за минуту.</p>")
    }

    /// A toned item without text of its own (a quote, or nothing after the sign) has nothing to go under: what
    /// follows it comes after its blocks, in the outline as on the page.
    @Test func whatFollowsATonedItemWithoutTextComesAfterIt() throws {
        let quoted = try #require(Self.items("- + > первое\n    >\n    > второе\n  - третье\n"))
        #expect(quoted.map(\.tone) == [.positive])
        #expect(quoted[0].text.outline == [TextBlock("первое"), TextBlock("второе"), TextBlock("третье")])
        #expect(quoted[0].text.plain == "первое второе третье")
        let empty = try #require(Self.items("- +\n  - подробности\n"))
        #expect(empty.map(\.tone) == [.positive])
        #expect(empty[0].text.outline == [TextBlock("подробности")])
        #expect(empty[0].text.plain == "подробности")
        #expect(empty[0].text.html == "<ul>\n<li>подробности</li>\n</ul>")
    }

    /// Tones belong to a layer because the schema says `tones: true`, whatever its id.
    @Test func aCustomSchemaListLayerWithTonesMarksTone() throws {
        let (parsed, problems) = SchemaParser.parse(SourceText(path: "schema.yml", text: """
            layers:
              - id: impressions
                title: { ru: Впечатления }
                kind: list
                tones: true
            """))
        #expect(problems.isEmpty, "\(problems)")
        let schema = try #require(parsed)
        let items = try #require(Check.layer("impressions", "### Впечатления\n- + Удобно\n- − Дорого\n",
                                             schema: schema)?.items)
        #expect(items.map(\.tone) == [.positive, .negative])
        #expect(items.map(\.text.plain) == ["Удобно", "Дорого"])
    }

    /// A custom schema's `experience` layer, like the default one but without `tones`, reads signs as text.
    @Test func anExperienceLayerWithoutTonesDoesNotMarkTone() throws {
        let (parsed, problems) = SchemaParser.parse(SourceText(path: "schema.yml", text: """
            layers:
              - id: experience
                title: { en: Experience, ru: Опыт }
                aliases: [Опыт клиента]
                kind: list
            """))
        #expect(problems.isEmpty, "\(problems)")
        let schema = try #require(parsed)
        let items = try #require(Check.layer("experience", "### Опыт\n- +Удобно\n- − Дорого\n", schema: schema)?.items)
        #expect(items.allSatisfy { $0.tone == nil })
        #expect(items.map(\.text.plain) == ["+Удобно", "− Дорого"])
    }
}
