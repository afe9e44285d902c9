import Testing
@testable import TropaKit

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

    @Test func aCustomSchemaExperienceLayerMarksToneToo() throws {
        let schema = LayerSchema(layers: [
            LayerDefinition(id: "experience", title: .init(["ru": "Впечатления"]), kind: .list),
        ], metrics: [])
        let items = try #require(Check.layer("experience", "### Впечатления\n- + Удобно\n- − Дорого\n", schema: schema)?.items)
        #expect(items.map(\.tone) == [.positive, .negative])
    }
}
