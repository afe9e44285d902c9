import Testing
@testable import TropaModel
@testable import TropaSource
@testable import TropaAuthoring

/// The schema as `tropa schema --format yaml` describes it reads back through the schema parser.
@Suite struct SchemaDescriptionTests {
    static func parse(_ text: String) -> (LayerSchema?, [Diagnostic]) {
        SchemaParser.parse(SourceText(path: "schema.yml", text: text))
    }

    /// `tropa schema --format yaml` writes a schema.yml that reads back as the same schema.
    @Test func theDefaultSchemaAsYAMLReadsBackEqual() throws {
        let (schema, diagnostics) = Self.parse(SchemaDescription.yaml(.default))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(schema == LayerSchema.default)
    }

    @Test func aCustomSchemaAsYAMLReadsBackEqual() throws {
        let custom = LayerSchema(scale: 0...10, layers: [
            LayerDefinition(id: "situation", title: .init(["ru": "Ситуация"]), kind: .text, required: true),
            LayerDefinition(id: "impressions", title: .init(["en": "Impressions", "ru": "Впечатления"]),
                            aliases: ["Опыт"], kind: .list, tones: true),
            LayerDefinition(id: "mood", title: .init(["ru": "Настроение"]), kind: .emotion),
            LayerDefinition(id: "tasks", title: .init(["ru": "Задачи"]), kind: .list, kinds: ["Сайт"], owners: ["ecom", "ivan.petrov"]),
        ], metrics: [
            MetricDefinition(id: "perehod", title: .init(["ru": "Переход"]), unit: .percent, role: .conversion),
            MetricDefinition(id: "calls", title: .init(["ru": "Звонки"]), range: 0...500),
        ])
        let (schema, diagnostics) = Self.parse(SchemaDescription.yaml(custom))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(schema == custom)
    }
}
